package dev.bufferdeck.ui;

import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.MainWindow;
import dev.bufferdeck.ui.services.AppServices;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: the player window, with the sources given on the command line queued. */
public final class BufferDeckApp extends Application {
    private MainController controller;

    public static void launchWith(String[] args) {
        Application.launch(BufferDeckApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        controller = new MainController(AppServices.standard(), stage);
        controller.notifier().installUncaughtHandler();
        MainWindow window = new MainWindow(controller);
        stage.setTitle("BufferDeck");
        stage.setScene(window.scene());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> Platform.exit());
        controller.start(getParameters().getRaw());
        stage.show();
    }

    @Override
    public void stop() {
        if (controller != null) controller.shutdown();
    }
}
