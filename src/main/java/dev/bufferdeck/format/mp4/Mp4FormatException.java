package dev.bufferdeck.format.mp4;

/** The boxes of an MP4 file cannot be read as a movie; the message is for people. */
public final class Mp4FormatException extends Exception {
    public Mp4FormatException(String message) {
        super(message);
    }
}
