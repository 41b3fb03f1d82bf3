package dev.bufferdeck.cli;

import dev.bufferdeck.format.tags.CoverArt;
import dev.bufferdeck.format.tags.ReplayGainTags;
import dev.bufferdeck.format.tags.TagReader;
import dev.bufferdeck.format.tags.Tags;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.Locale;

/** The {@code tags} object: title, artist, album, year, track, and whether there is cover art. */
final class TagsSection implements InfoSection {
    @Override
    public void describe(MediaBuffer buffer, InfoReport report) {
        Tags tags = TagReader.read(buffer);
        InfoReport section = report.section("tags", "tags");
        section.put("title", "title", orNull(tags.title()))
                .put("artist", "artist", orNull(tags.artist()))
                .put("album", "album", orNull(tags.album()))
                .put("year", "year", orNull(tags.year()))
                .put("track", "track", orNull(tags.track()));
        CoverArt cover = tags.cover().orElse(null);
        section.put("hasCover", "cover", tags.hasCover(), cover == null ? "no"
                : "yes (" + cover.mimeType() + ", " + ByteSizes.human(cover.size()) + ")");
        section.putJsonOnly("coverMimeType", cover == null ? null : cover.mimeType());
        section.putJsonOnly("coverBytes", cover == null ? null : cover.size());
        if (!tags.freeform().isEmpty()) {
            StringBuilder text = new StringBuilder();
            tags.freeform().forEach((k, v) -> text.append(text.length() == 0 ? "" : " · ").append(k).append(" ").append(v));
            section.put("freeform", "other", tags.freeform(), text.toString());
        }
        ReplayGainTags rg = ReplayGainTags.of(tags);
        section.put("replayGainTrackDb", "ReplayGain track", decibels(rg.trackGainDb()), text(rg.trackGainDb()));
        section.put("replayGainAlbumDb", "ReplayGain album", decibels(rg.albumGainDb()), text(rg.albumGainDb()));
        section.put("formats", "read from", tags.formats().isEmpty() ? null : tags.formats(),
                String.join(", ", tags.formats()));
        if (tags.isEmpty() && !rg.hasTrackGain() && !rg.hasAlbumGain()) report.put("tags", "tags", section, "none");
    }

    /** Tagged gain rounded to 0.01 dB, or null when not tagged. */
    private static Double decibels(double db) {
        return Double.isNaN(db) ? null : Math.round(db * 100) / 100.0;
    }

    private static String text(double db) {
        return Double.isNaN(db) ? null : String.format(Locale.ROOT, "%+.2f dB", db);
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
