package dev.bufferdeck.source;

/** Turns low-level exceptions into the cause part of a readable one-line message. */
final class Failures {
    /** The largest buffer a Java array can hold, for messages. */
    static final String BUFFER_LIMIT = "2 GiB";

    private Failures() {}

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
