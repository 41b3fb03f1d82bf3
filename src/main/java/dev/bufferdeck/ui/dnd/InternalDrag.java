package dev.bufferdeck.ui.dnd;

import javafx.scene.input.DataFormat;

/** Formats for drags that start and end inside BufferDeck. */
public final class InternalDrag {
    /** Playlist row indices being reordered, as "3,4,7". */
    public static final DataFormat ROWS = ClipboardReader.format("application/x-bufferdeck-rows");

    /** Library buffers dragged out of the table, as their ids "12,15". */
    public static final DataFormat BUFFERS = ClipboardReader.format("application/x-bufferdeck-buffers");

    private InternalDrag() {}
}
