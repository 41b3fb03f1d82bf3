package dev.bufferdeck.ui.services;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.UnsupportedMediaException;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.DetectedFormat;
import dev.bufferdeck.format.index.MpegFrameIndex;
import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;

import javax.sound.sampled.AudioFormat;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tags and cover art from the tag reader; audio facts from the decoders (exact duration, rate, channels) and the MPEG frame index (bitrate, VBR). */
public final class TrackFactsReader implements FactsReader {

    @Override
    public MediaFacts read(MediaBuffer buffer) {
        DetectedFormat detected = DetectedFormat.fromDisplayName(buffer.detectedFormat());
        if (detected == null || !detected.isMedia()) return MediaFacts.untitled(Titles.fromName(buffer.name()));
        Tags tags = readTags(buffer);
        String title = tags.title().isBlank() ? Titles.fromName(buffer.name()) : tags.title();
        Map<String, String> shown = tagTable(tags);
        ByteBuffer cover = tags.cover().map(CoverArt::data).orElse(null);
        AudioFormat format;
        long durationMillis;
        try (PcmDecoder decoder = Decoders.open(buffer)) {
            format = decoder.format();
            long frames = decoder.totalFrames();
            durationMillis = frames < 0 || format.getSampleRate() <= 0 ? -1
                    : Math.round(frames * 1000.0 / format.getSampleRate());
        } catch (UnsupportedMediaException | RuntimeException e) {
            return new MediaFacts(title, tags.artist(), tags.album(), buffer.detectedFormat(), -1, cover, shown);
        }
        String line = FormatLines.of(codecName(detected), Math.round(format.getSampleRate()), format.getChannels(),
                quality(buffer, detected, format, durationMillis), durationMillis);
        return new MediaFacts(title, tags.artist(), tags.album(), line, durationMillis, cover, shown);
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
        put(out, "Tag formats", String.join(", ", tags.formats()));
        return out;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }

    private static String codecName(DetectedFormat f) {
        return switch (f) {
            case OGG_VORBIS -> "Vorbis";
            case OGG_OPUS -> "Opus";
            case RF64 -> "WAV";
            default -> f.displayName();
        };
    }

    /** "192 kbps VBR" for MPEG audio, "16-bit" for lossless and PCM, "~128 kbps" for other lossy codecs. */
    static String quality(MediaBuffer buffer, DetectedFormat f, AudioFormat pcm, long durationMillis) {
        if (f.family() == DetectedFormat.Family.MPEG) {
            MpegFrameIndex index = MpegFrameIndex.of(buffer);
            if (!index.isEmpty()) return index.averageBitrateKbps() + " kbps" + (index.variableBitrate() ? " VBR" : "");
        }
        boolean lossless = switch (f.family()) {
            case WAV, AIFF, AU, FLAC -> true;
            default -> f == DetectedFormat.OGG_FLAC;
        };
        if (lossless) return pcm.getSampleSizeInBits() + "-bit";
        if (durationMillis > 0) return "~" + Math.round(buffer.size() * 8.0 / durationMillis) + " kbps";
        return "";
    }
}
