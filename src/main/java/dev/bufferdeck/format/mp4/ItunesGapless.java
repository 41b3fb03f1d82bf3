package dev.bufferdeck.format.mp4;

import dev.bufferdeck.repository.ByteSource;

/**
 * The iTunSMPB freeform atom iTunes and Apple's encoder write instead of (or beside) an edit list:
 * {@code " 00000000 00000840 000001CA 00000000000E1A1E ..."}: encoder delay, end padding and the
 * original length in samples, in hex.
 */
public record ItunesGapless(long delay, long padding, long length) {

    /** From the movie's ilst, or null when it has none or it cannot be read. */
    public static ItunesGapless read(ByteSource b, Mp4Movie movie) {
        for (IlstItem item : IlstItem.read(b, movie.moov())) {
            if (item.key().equalsIgnoreCase("com.apple.iTunes:iTunSMPB")) return parse(item.text(b));
        }
        return null;
    }

    static ItunesGapless parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length < 4) return null;
        try {
            long delay = Long.parseLong(f[1], 16), padding = Long.parseLong(f[2], 16), length = Long.parseLong(f[3], 16);
            return delay < 0 || length <= 0 ? null : new ItunesGapless(delay, padding, length);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
