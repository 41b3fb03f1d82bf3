package dev.bufferdeck.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. Placeholder until the GUI issue lands. */
public final class BufferDeckApp extends Application {

    public static void launchWith(String[] args) {
        Application.launch(BufferDeckApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("BufferDeck");
        stage.setScene(new Scene(new Label("BufferDeck"), 640, 400));
        stage.show();
    }
}
