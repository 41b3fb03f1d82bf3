package dev.bufferdeck.ui.dnd;

import javafx.scene.input.DataFormat;

/** Formats for drags that start and end inside BufferDeck. */
public final class InternalDrag {
    /** Playlist row indices being reordered, as "3,4,7". */
    public static final DataFormat ROWS = ClipboardReader.format("application/x-bufferdeck-rows");

    private InternalDrag() {}
}
