package dev.bufferdeck.ui.notify;

import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

/** Shows each notice as a one-line bar over the top of the content, hiding itself after a while. */
public final class NotificationBar extends NotificationPane {
    private final PauseTransition hideLater = new PauseTransition(Duration.seconds(6));
    /** The kind of the notice shown ("notice-info" or "notice-error"), set on the skin's bar. */
    private String kind = "notice-info";

    public NotificationBar(Node content) {
        super(content);
        getStyleClass().add("notification-bar");
        skinProperty().addListener(o -> markKind(kind));
        setShowFromTop(true);
        setCloseButtonVisible(true);
        hideLater.setOnFinished(e -> hide());
    }

    /** Shows {@code notice} in the bar, for a while. */
    public void showNotice(Notice notice) {
        Icon icon = new Icon(notice.error() ? Glyph.ALERT_CIRCLE : Glyph.INFORMATION);
        icon.getStyleClass().add(notice.error() ? "notice-error-icon" : "notice-info-icon");
        markKind(notice.error() ? "notice-error" : "notice-info");
        if (isShowing()) {
            setText(notice.text());
            setGraphic(icon);
        } else {
            show(notice.text(), icon);
        }
        hideLater.playFromStart();
    }

    /**
     * Sets the notice's kind as a style class of the skin's bar, not of this pane: this pane holds the
     * whole window under the menu, and a style class changed on it had every node in it (~460) styled
     * again from its stylesheets, 20-30 ms of the FX thread's CPU at the first load's notice (issue
     * 14). On the bar it restyles only the bar. Changed only when the kind changes.
     */
    private void markKind(String kind) {
        this.kind = kind;
        Node bar = bar();
        if (bar == null) return;
        String other = kind.equals("notice-error") ? "notice-info" : "notice-error";
        if (bar.getStyleClass().contains(kind) && !bar.getStyleClass().contains(other)) return;
        bar.getStyleClass().remove(other);
        if (!bar.getStyleClass().contains(kind)) bar.getStyleClass().add(kind);
    }

    /** The skin's bar (the one-line notice that slides in), or null before the skin is made. */
    Node bar() {
        for (Node n : getChildrenUnmodifiable()) {
            if (n != getContent() && n.getStyleClass().contains("notification-bar")) return n;
        }
        return null;
    }
}
