package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.services.SessionState;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Window position and size, saved and restored; a window that would land off every screen is left where it is. */
final class Geometry {
    private Geometry() {}

    static SessionState.Geometry of(Stage stage) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) return null;
        return new SessionState.Geometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    static void apply(Stage stage, SessionState.Geometry g) {
        if (g == null || g.width() < 100 || g.height() < 100) return;
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch((Rectangle2D b) -> b.intersects(g.x(), g.y(), Math.min(g.width(), 200), 40));
        if (visible) {
            stage.setX(g.x());
            stage.setY(g.y());
        }
    }
}
