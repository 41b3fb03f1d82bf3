package dev.bufferdeck.ui.testing;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds DragEvents with a Dragboard holding whatever a test puts in it (any MIME type, as another
 * program would), and fires them at a node as a drag over it and a drop would.
 */
public final class SyntheticDrag {
    private SyntheticDrag() {}

    public static Dragboard dragboard(Map<DataFormat, Object> content) {
        Dragboard board = DragboardHelper.createDragboard(new MapClipboard(content));
        DragboardHelper.setDataAccessRestriction(board, false);
        return board;
    }

    /** DRAG_ENTERED, DRAG_OVER and DRAG_DROPPED at the centre of {@code target}; returns the drop event. */
    public static DragEvent dropOn(Node target, Map<DataFormat, Object> content) {
        Bounds b = target.localToScene(target.getLayoutBounds());
        return dropAt(target, content, new Point2D(b.getCenterX(), b.getCenterY()));
    }

    public static DragEvent dropAt(Node target, Map<DataFormat, Object> content, Point2D scenePoint) {
        Dragboard board = dragboard(content);
        Point2D screen = target.getScene().getRoot().localToScreen(scenePoint);
        Node picked = pick(target, scenePoint);
        PickResult pick = new PickResult(picked, scenePoint.getX(), scenePoint.getY());
        Event.fireEvent(target, event(DragEvent.DRAG_ENTERED, board, scenePoint, screen, pick, target));
        Event.fireEvent(target, event(DragEvent.DRAG_OVER, board, scenePoint, screen, pick, target));
        DragEvent drop = event(DragEvent.DRAG_DROPPED, board, scenePoint, screen, pick, target);
        Event.fireEvent(picked, drop);
        return drop;
    }

    private static Node pick(Node target, Point2D scenePoint) {
        Node deepest = target;
        if (target instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (child.isVisible() && child.localToScene(child.getLayoutBounds()).contains(scenePoint)) {
                    deepest = pick(child, scenePoint);
                }
            }
        }
        return deepest;
    }

    private static DragEvent event(javafx.event.EventType<DragEvent> type, Dragboard board, Point2D scene,
                                   Point2D screen, PickResult pick, Node target) {
        return new DragEvent(null, target, type, board, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                TransferMode.COPY, null, null, pick);
    }

    private static final class MapClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content;

        MapClipboard(Map<DataFormat, Object> content) {
            this.content = new LinkedHashMap<>(content);
        }

        @Override public void setSecurityContext(AccessControlContext ctx) {}
        @Override public Set<DataFormat> getContentTypes() { return content.keySet(); }
        @SafeVarargs
        @Override public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> p : pairs) content.put(p.getKey(), p.getValue());
            return true;
        }
        @Override public Object getContent(DataFormat format) { return content.get(format); }
        @Override public boolean hasContent(DataFormat format) { return content.containsKey(format); }
        @Override public Set<TransferMode> getTransferModes() { return EnumSet.of(TransferMode.COPY); }
        @Override public void setDragView(Image image) {}
        @Override public void setDragViewOffsetX(double offsetX) {}
        @Override public void setDragViewOffsetY(double offsetY) {}
        @Override public Image getDragView() { return null; }
        @Override public double getDragViewOffsetX() { return 0; }
        @Override public double getDragViewOffsetY() { return 0; }
    }
}
