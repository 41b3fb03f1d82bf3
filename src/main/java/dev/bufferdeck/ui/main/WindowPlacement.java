package dev.bufferdeck.ui.main;

import dev.bufferdeck.session.WindowBounds;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;
import javafx.stage.WindowEvent;

/**
 * Window position and size, saved and restored. A window whose saved place is on no screen any
 * more (a monitor that is gone) keeps its size, shrunk to fit, and is centred on the primary screen.
 */
final class WindowPlacement {
    /** How much of a window's top edge must lie on a screen for its saved place to count as visible. */
    private static final double GRIP_WIDTH = 200, GRIP_HEIGHT = 40;

    private WindowPlacement() {}

    /** Where the stage is now, or null when it has no place or size yet. */
    static WindowBounds of(Stage stage) {
        if (Double.isNaN(stage.getX()) || !(stage.getWidth() > 0)) return null;
        try {
            return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Follows the stage's bounds while it is neither maximised nor iconified, so a maximised
     * window still saves the size and place it goes back to.
     */
    static Supplier<WindowBounds> track(Stage stage) {
        WindowBounds[] normal = {null};
        InvalidationListener remember = o -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen() && stage.isShowing()) {
                WindowBounds g = of(stage);
                if (g != null) normal[0] = g;
            }
        };
        for (var p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.addListener(remember);
        }
        stage.showingProperty().addListener(remember);
        return () -> normal[0] != null ? normal[0] : stage.isMaximized() ? null : of(stage);
    }

    /**
     * Restores a window before it shows, and once more when it has shown: under a real window
     * manager (GTK) a size set before the first show is lost and the window opened at its minimum.
     */
    static void restore(Stage stage, WindowBounds g, boolean maximized) {
        apply(stage, g);
        if (maximized) stage.setMaximized(true);
        if (stage.isShowing()) return;
        EventHandler<WindowEvent> once = new EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Platform.runLater(() -> {
                    apply(stage, g);
                    if (maximized) stage.setMaximized(true);
                });
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, once);
    }

    static void apply(Stage stage, WindowBounds g) {
        if (g == null || g.width() < 100 || g.height() < 100) return;
        Rectangle2D screen = screenShowing(g);
        boolean visible = screen != null;
        if (screen == null) screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(g.width(), screen.getWidth());
        double height = Math.min(g.height(), screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        if (visible) {
            stage.setX(g.x());
            stage.setY(g.y());
        } else {
            stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        }
    }

    /** The visual bounds of the screen that shows the window's top edge, or null when none does. */
    private static Rectangle2D screenShowing(WindowBounds g) {
        return Screen.getScreens().stream().map(Screen::getVisualBounds)
                .filter(b -> b.intersects(g.x(), g.y(), Math.min(g.width(), GRIP_WIDTH), GRIP_HEIGHT))
                .findFirst().orElse(null);
    }

    /**
     * Where a second window goes the first time: beside {@code main} on the side with more room on
     * main's screen, overlapping it only as much as the screen forces.
     */
    static void placeBeside(Stage window, Window main, double width, double height) {
        Rectangle2D screen = Screen.getScreensForRectangle(main.getX(), main.getY(), Math.max(1, main.getWidth()),
                Math.max(1, main.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double roomRight = screen.getMaxX() - (main.getX() + main.getWidth());
        double roomLeft = main.getX() - screen.getMinX();
        double x = roomRight >= width || roomRight >= roomLeft
                ? Math.min(main.getX() + main.getWidth(), screen.getMaxX() - width)
                : Math.max(main.getX() - width, screen.getMinX());
        double y = Math.max(screen.getMinY(), Math.min(main.getY(), screen.getMaxY() - height));
        window.setX(x);
        window.setY(y);
    }
}
