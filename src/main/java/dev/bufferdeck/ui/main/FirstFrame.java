package dev.bufferdeck.ui.main;

import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.WindowBounds;
import dev.bufferdeck.ui.theme.Theme;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window as it first shows: an empty pane in the theme's background colour, at the size
 * and place the main window will have. Building the real window's controls takes seconds of class
 * loading and CSS on a cold JVM; showing this first puts a window on screen as soon as a bare
 * JavaFX stage would be, and the real scene replaces it right after its first pulse.
 */
public final class FirstFrame {
    private FirstFrame() {}

    /** Shows {@code stage} at the session's geometry (or the first-start size, centred) with an empty themed scene, and returns that scene. */
    public static Scene show(Stage stage, Session session, Theme theme) {
        Region empty = new Region();
        empty.setStyle("-fx-background-color: -fx-background;");
        Rectangle2D size = MainWindow.firstStartSize();
        Scene scene = new Scene(empty, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(theme.stylesheet());
        stage.setScene(scene);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowBounds centred = new WindowBounds(screen.getMinX() + Math.max(0, (screen.getWidth() - size.getWidth()) / 2),
                screen.getMinY() + Math.max(0, (screen.getHeight() - size.getHeight()) / 2), size.getWidth(), size.getHeight());
        WindowBounds saved = session == null ? null : session.mainWindow();
        // applied again once shown, as a restored place is: some window managers drop a size set before the first show
        WindowPlacement.restore(stage, saved != null ? saved : centred, session != null && session.mainMaximized());
        stage.show();
        return scene;
    }
}
