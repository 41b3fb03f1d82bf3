package dev.bufferdeck.ui;

import dev.bufferdeck.desktop.LaunchArguments;
import dev.bufferdeck.desktop.SingleInstance;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.SessionKeeper;
import dev.bufferdeck.ui.main.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;

/** The JavaFX application: the player window, with the sources given on the command line queued. */
public final class BufferDeckApp extends Application {
    private AppServices services;
    private Session session;
    private dev.bufferdeck.desktop.DesktopColorScheme.Preference colorScheme = dev.bufferdeck.desktop.DesktopColorScheme.Preference.NONE;
    private final List<String> sessionWarnings = new ArrayList<>();
    private MainController controller;
    private dev.bufferdeck.ui.mpris.MprisBridge mpris;
    private static LaunchArguments launch = LaunchArguments.parse(List.of());
    private static SingleInstance instance;

    /** Opens the window with the launch's sources; {@code instance}, when not null, brings later launches' sources here. */
    public static void launchWith(LaunchArguments arguments, SingleInstance listening) {
        launch = arguments;
        instance = listening;
        Application.launch(BufferDeckApp.class);
    }

    /** Off the FX thread: probes the audio outputs and reads the session file. */
    @Override
    public void init() {
        services = AppServices.standard();
        session = SessionKeeper.readSession(services.session(), sessionWarnings);
        colorScheme = dev.bufferdeck.desktop.DesktopColorScheme.detect(System.getenv());
    }

    @Override
    public void start(Stage stage) {
        controller = new MainController(services, stage);
        controller.theme().desktopProperty().set(colorScheme);
        controller.notifier().installUncaughtHandler();
        MainWindow window = new MainWindow(controller);
        stage.setTitle("BufferDeck");
        stage.setScene(window.scene());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> Platform.exit());
        controller.start(session, sessionWarnings, launch.sources());
        controller.session().saveOnTermination();
        stage.show();
        mpris = dev.bufferdeck.ui.mpris.MprisBridge.install(controller, System.getenv());
        if (instance != null) {
            instance.onLaunch(l -> Platform.runLater(() -> controller.sources().openLaunched(l.sources(), l.enqueue())));
        }
    }

    @Override
    public void stop() {
        if (instance != null) instance.close();
        if (mpris != null) mpris.close();
        if (controller != null) controller.shutdown();
    }
}
