package dev.bufferdeck.playlist;

/** A playlist file that cannot be read. The message is one line fit to show the user. */
public final class PlaylistFormatException extends Exception {
    public PlaylistFormatException(String message) {
        super(message);
    }

    public PlaylistFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
