package dev.bufferdeck.audio;

/** A buffer that cannot be decoded: not audio, a codec we refuse, or corrupt. The message is for people. */
public final class UnsupportedMediaException extends Exception {
    public UnsupportedMediaException(String message) { super(message); }
    public UnsupportedMediaException(String message, Throwable cause) { super(message, cause); }
}
