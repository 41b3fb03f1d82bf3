package dev.bufferdeck.audio.guard;

import java.util.Locale;

/** Words for what a decoder threw, for the one-line message the user sees. */
final class DecoderFailure {
    private DecoderFailure() {}

    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "the decoder ran out of memory (the file may announce absurd sizes)";
        }
        if (t instanceof StackOverflowError) {
            return "the decoder recursed too deeply (stack overflow)";
        }
        String detail = t.getMessage() == null || t.getMessage().isBlank() ? ""
                : ": " + t.getMessage().replaceAll("\\s+", " ").trim();
        if (detail.length() > 200) detail = detail.substring(0, 200) + "…";
        return "the decoder crashed (" + t.getClass().getSimpleName() + detail + ")";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
