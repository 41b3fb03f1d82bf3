package dev.bufferdeck.ui.library;

import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.AudioFacts;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.video.TrackLine;
import dev.bufferdeck.video.VideoProbe;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags and cover art from the tag reader; the format line and exact duration from {@link AudioFacts}, read from headers and indexes without decoding. */
public final class TrackFactsReader implements FactsReader {

    /**
     * The facts of the bytes here. A buffer still loading is never refused on them (its first bytes
     * may not say what it is yet, and the decoder waits for the rest): it is read again once complete.
     */
    @Override
    public MediaFacts read(MediaBuffer buffer) {
        MediaFacts facts = readHere(buffer);
        return buffer.isComplete() || facts.unplayable() == null ? facts : facts.refused(null);
    }

    private MediaFacts readHere(MediaBuffer buffer) {
        MediaFormat detected = buffer.detectedFormat();
        if (detected == null || !detected.isMedia()) {
            return MediaFacts.untitled(Titles.fromName(buffer.name())).refused(refusal(buffer));
        }
        Tags tags = readTags(buffer);
        String title = tags.title().isBlank() ? Titles.fromName(buffer.name()) : DisplayText.safe(tags.title());
        Map<String, String> shown = tagTable(tags);
        ByteBuffer cover = tags.cover().map(CoverArt::data).orElse(null);
        List<TrackLine> tracks = TrackLine.of(buffer);
        if (tracks.stream().anyMatch(TrackLine::isVideo)) {
            MediaFacts video = videoFacts(title, tags, cover, shown, tracks);
            VideoProbe probe = VideoProbe.of(buffer);
            return probe.engine() == VideoProbe.Engine.REFUSED ? video.refused(probe.refusal()) : video;
        }
        AudioFacts facts;
        try {
            facts = AudioFacts.of(buffer);
        } catch (UnsupportedMediaException | RuntimeException e) {
            VideoProbe probe = VideoProbe.of(buffer);
            String why = probe.engine() == VideoProbe.Engine.REFUSED ? probe.refusal()
                    : e.getMessage() == null ? buffer.name() + " cannot be played" : e.getMessage();
            return new MediaFacts(title, tags.artist(), tags.album(), buffer.detectedFormat().displayName(), -1, cover, shown,
                    why, lines(tracks));
        }
        String line = facts.describe();
        long durationMillis = facts.durationMillis();
        return new MediaFacts(title, tags.artist(), tags.album(), line, durationMillis, cover, shown, null, lines(tracks));
    }

    /** A movie: its format line names each track's codec (e.g. "MP4 · H.264 128×96 · AAC · 0:02"), its length the longest track's. */
    private static MediaFacts videoFacts(String title, Tags tags, ByteBuffer cover, Map<String, String> shown, List<TrackLine> tracks) {
        StringBuilder line = new StringBuilder("MP4");
        double seconds = 0;
        for (TrackLine t : tracks) {
            if (!t.isVideo() && !t.kind().equals("audio")) continue;
            line.append(" · ").append(t.codecName());
            if (t.isVideo() && t.width() > 0) line.append(' ').append(t.width()).append('×').append(t.height());
            seconds = Math.max(seconds, t.seconds());
        }
        long millis = seconds > 0 ? Math.round(seconds * 1000) : -1;
        if (millis >= 0) line.append(" · ").append(TimeText.of(millis));
        return new MediaFacts(title, tags.artist(), tags.album(), line.toString(), millis, cover, shown, null, lines(tracks));
    }

    private static List<String> lines(List<TrackLine> tracks) {
        return tracks.stream().map(TrackLine::text).toList();
    }

    /** The decoders' own words for a buffer that is not media at all. */
    private static String refusal(MediaBuffer buffer) {
        try {
            AudioFacts.of(buffer);
            return null;
        } catch (UnsupportedMediaException | RuntimeException e) {
            return e.getMessage() == null ? buffer.name() + " cannot be played" : e.getMessage();
        }
    }

    private static Tags readTags(MediaBuffer buffer) {
        try {
            return TagReader.read(buffer);
        } catch (RuntimeException e) {
            return Tags.EMPTY;
        }
    }

    private static Map<String, String> tagTable(Tags tags) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "Title", tags.title());
        put(out, "Artist", tags.artist());
        put(out, "Album", tags.album());
        put(out, "Year", tags.year());
        put(out, "Track", tags.track());
        for (CoverArt c : tags.pictures()) {
            put(out, c.pictureType() == CoverArt.FRONT_COVER ? "Cover" : "Picture " + c.pictureType(),
                    c.mimeType() + " · " + ByteSizes.human(c.size()));
        }
        tags.freeform().forEach((name, value) -> put(out, name, value));
        put(out, "Tag formats", String.join(", ", tags.formats()));
        return out;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }
}
