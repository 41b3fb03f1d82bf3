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

    public NotificationBar(Node content, Notifier notifier) {
        super(content);
        getStyleClass().addAll("notification-bar", "notice-info");
        setShowFromTop(true);
        setCloseButtonVisible(true);
        hideLater.setOnFinished(e -> hide());
        notifier.setDisplay(this::showNotice);
    }

    private void showNotice(Notice notice) {
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
     * Sets the notice's kind as this pane's style class, only when it changes: a style class set on
     * this pane, which holds the whole window under the menu, has every node in it styled again from
     * its stylesheets (issue 14: ~15 ms of the FX thread's CPU at each notice, even an unchanged one).
     */
    private void markKind(String kind) {
        String other = kind.equals("notice-error") ? "notice-info" : "notice-error";
        if (getStyleClass().contains(kind) && !getStyleClass().contains(other)) return;
        getStyleClass().remove(other);
        if (!getStyleClass().contains(kind)) getStyleClass().add(kind);
    }
}
