package dev.bufferdeck.ui;

import dev.bufferdeck.desktop.DesktopColorScheme;
import dev.bufferdeck.desktop.LaunchArguments;
import dev.bufferdeck.desktop.SingleInstance;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.main.FirstFrame;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.SessionKeeper;
import dev.bufferdeck.ui.main.MainWindow;
import dev.bufferdeck.ui.mpris.MprisBridge;
import dev.bufferdeck.ui.theme.Theme;
import dev.bufferdeck.ui.theme.ThemeChoice;
import dev.bufferdeck.ui.theme.ThemeSwitcher;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;

/** The JavaFX application: the player window, with the sources given on the command line queued. */
public final class BufferDeckApp extends Application {
    private AppServices services;
    private Session session;
    private DesktopColorScheme.Preference colorScheme = DesktopColorScheme.Preference.NONE;
    private final List<String> sessionWarnings = new ArrayList<>();
    private MainController controller;
    private MprisBridge mpris;
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
        colorScheme = DesktopColorScheme.detect(System.getenv());
    }

    /** Shows the window empty at once, then fills it on the next turn of the FX thread (see {@link FirstFrame}). */
    @Override
    public void start(Stage stage) {
        stage.setTitle("BufferDeck");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> Platform.exit());
        FirstFrame.show(stage, session, firstTheme());
        Platform.runLater(() -> fill(stage));
    }

    private void fill(Stage stage) {
        controller = new MainController(services, stage);
        controller.theme().desktopProperty().set(colorScheme);
        controller.notifier().installUncaughtHandler();
        MainWindow window = new MainWindow(controller);
        stage.setScene(window.scene());
        controller.start(session, sessionWarnings, launch.sources());
        controller.session().saveOnTermination();
        mpris = MprisBridge.install(controller, System.getenv());
        if (instance != null) {
            instance.onLaunch(l -> Platform.runLater(() -> controller.sources().openLaunched(l.sources(), l.enqueue())));
        }
    }

    /** The theme the filled window will have, so that the empty one does not flash another colour. */
    private Theme firstTheme() {
        ThemeSwitcher switcher = new ThemeSwitcher();
        switcher.desktopProperty().set(colorScheme);
        if (session != null) switcher.choiceProperty().set(ThemeChoice.parse(session.theme()));
        return switcher.themeProperty().get();
    }

    @Override
    public void stop() {
        if (instance != null) instance.close();
        if (mpris != null) mpris.close();
        if (controller != null) controller.shutdown();
    }
}
