package dev.bufferdeck.ui.dnd;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

import java.util.function.BiConsumer;

/**
 * Makes a node accept drops from other programs, with a visible highlight (style class
 * {@code drop-zone-active}) while something hovers over it. Drags from inside the app that carry
 * our own row format are left to the node's own handlers.
 */
public final class DropZone {
    public static final String ACTIVE = "drop-zone-active";

    private DropZone() {}

    /** @param onDrop receives the items and the drop event (for its position) */
    public static void install(Node target, BiConsumer<DroppedItems, DragEvent> onDrop) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (accepts(e)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_ENTERED, e -> {
            if (accepts(e) && !target.getStyleClass().contains(ACTIVE)) target.getStyleClass().add(ACTIVE);
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, e -> target.getStyleClass().remove(ACTIVE));
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (!accepts(e)) return;
            target.getStyleClass().remove(ACTIVE);
            DroppedItems items = ClipboardReader.read(e.getDragboard());
            e.setDropCompleted(!items.isEmpty());
            e.consume();
            onDrop.accept(items, e);
        });
    }

    private static boolean accepts(DragEvent e) {
        if (e.isConsumed() || e.getDragboard() == null) return false;
        if (e.getDragboard().hasContent(InternalDrag.ROWS) || e.getDragboard().hasContent(InternalDrag.BUFFERS)) return false;
        return ClipboardReader.hasUsableContent(e.getDragboard());
    }
}
