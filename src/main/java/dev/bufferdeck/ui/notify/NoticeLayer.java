package dev.bufferdeck.ui.notify;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The window's content with the notices shown over it, in a {@link NotificationBar} made after the
 * window's first frame (by its idle warm-up, or the first notice if sooner): that frame carries no
 * hidden bar, close button and stylesheet, which it styled all the same before (issue 14). The bar
 * lies over the content, as when it held it; only the bar itself takes the mouse.
 */
public final class NoticeLayer extends StackPane {
    private final boolean fromTop;
    private NotificationBar bar;

    /** {@code fromTop}: the bar slides in at the top of the content, else at its foot. */
    public NoticeLayer(Node content, Notifier notifier, boolean fromTop) {
        this.fromTop = fromTop;
        getChildren().add(content);
        notifier.setDisplay(notice -> bar().showNotice(notice));
    }

    /** The bar, made now if no notice has come yet. */
    public NotificationBar bar() {
        if (bar == null) {
            Region nothing = new Region();
            nothing.setMouseTransparent(true);
            bar = new NotificationBar(nothing);
            bar.setId("notifications");
            bar.setShowFromTop(fromTop);
            bar.setPickOnBounds(false);
            getChildren().add(bar);
            // its skin now: the skin slides the bar in when the pane starts showing, not if it already does
            bar.applyCss();
        }
        return bar;
    }
}
