package dev.bufferdeck.audio;

/** An output that cannot be used: no such device, busy, or the format is refused. The message is for people. */
public final class OutputException extends Exception {
    public OutputException(String message) { super(message); }
    public OutputException(String message, Throwable cause) { super(message, cause); }
}
