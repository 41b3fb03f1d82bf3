package dev.bufferdeck.ui.video;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.media.MediaPlayer;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * The picture alone on a full-screen stage of its own, showing the same player (a player can be
 * shown by several views). F, Esc or a double-click leave; the transport keys keep working.
 */
final class FullScreenVideo {
    private final Stage stage = new Stage();
    private final VideoView view = new VideoView();

    FullScreenVideo(Window owner, MediaPlayer player, Consumer<Scene> installShortcuts) {
        view.playerProperty().set(player);
        StackPane root = new StackPane(view);
        root.setStyle("-fx-background-color: black;");
        Scene scene = new Scene(root, Color.BLACK);
        installShortcuts.accept(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F || e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        root.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) close();
        });
        stage.initOwner(owner);
        stage.setScene(scene);
        stage.setTitle("BufferDeck video");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
    }

    void show() { stage.show(); }

    boolean isShowing() { return stage.isShowing(); }

    void close() {
        view.playerProperty().set(null);
        stage.hide();
    }
}
