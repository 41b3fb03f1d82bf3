package dev.bufferdeck.ui;

import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.desktop.DesktopColorScheme;
import dev.bufferdeck.desktop.LaunchArguments;
import dev.bufferdeck.desktop.SingleInstance;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.main.FirstFrame;
import dev.bufferdeck.ui.main.IdleWarmUp;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.SessionKeeper;
import dev.bufferdeck.ui.main.MainWindow;
import dev.bufferdeck.ui.mpris.MprisBridge;
import dev.bufferdeck.ui.theme.ToolkitWarmUp;
import dev.bufferdeck.ui.theme.Theme;
import dev.bufferdeck.ui.theme.ThemeChoice;
import dev.bufferdeck.ui.theme.ThemeSwitcher;
import dev.bufferdeck.ui.playback.PulseRate;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/** The JavaFX application: the player window, with the sources given on the command line queued. */
public final class BufferDeckApp extends Application {
    private AppServices services;
    private Session session;
    private DesktopColorScheme.Preference colorScheme = DesktopColorScheme.Preference.NONE;
    private final List<String> sessionWarnings = new ArrayList<>();
    private MainController controller;
    private MprisBridge mpris;
    private boolean stopped;
    private static LaunchArguments launch = LaunchArguments.parse(List.of());
    private static SingleInstance instance;

    /** Opens the window with the launch's sources; {@code instance}, when not null, brings later launches' sources here. */
    public static void launchWith(LaunchArguments arguments, SingleInstance listening) {
        launch = arguments;
        instance = listening;
        PulseRate.applyDefault();
        ToolkitWarmUp.start();
        firstLook = new FutureTask<>(FirstLook::read);
        Thread reader = new Thread(firstLook, "bufferdeck-first-look");
        reader.setDaemon(true);
        reader.start();
        servicesMade = new FutureTask<>(AppServices::standard);
        Thread maker = new Thread(servicesMade, "bufferdeck-services");
        maker.setDaemon(true);
        maker.start();
        Application.launch(BufferDeckApp.class);
    }

    /**
     * What the first frame needs: the session (its window's place, its theme) and the desktop's colour
     * scheme, which asks the desktop portal over D-Bus when there is a session bus (80 ms on a cold JVM).
     */
    private record FirstLook(Session session, List<String> warnings, DesktopColorScheme.Preference colorScheme) {
        static FirstLook read() {
            List<String> warnings = new ArrayList<>();
            Session session = SessionKeeper.readSession(SessionStore.inDefaultDirectory(), warnings);
            return new FirstLook(session, warnings, DesktopColorScheme.detect(System.getenv()));
        }
    }

    /** Read while the toolkit starts, by {@link #launchWith}; null when the app was launched otherwise. */
    private static FutureTask<FirstLook> firstLook;
    /**
     * Made while the toolkit starts, by {@link #launchWith}: JavaFX calls {@link #init} only once the
     * toolkit has started, and the window waits for it (5-14 ms there, more where audio devices are probed).
     */
    private static FutureTask<AppServices> servicesMade;

    /** Off the FX thread: takes the services (which probe the audio outputs), the session file and the colour scheme made meanwhile. */
    @Override
    public void init() throws Exception {
        services = servicesMade == null ? AppServices.standard() : servicesMade.get();
        FirstLook look = firstLook == null ? FirstLook.read() : firstLook.get();
        session = look.session();
        sessionWarnings.addAll(look.warnings());
        colorScheme = look.colorScheme();
        ToolkitWarmUp.awaitEnd();
    }

    /** Shows the window empty at once, then fills it once that has been laid out (see {@link FirstFrame}). */
    @Override
    public void start(Stage stage) {
        // before the first window: a pulse asked for while the timer pauses comes at once, not at its next
        // beat, so neither window waits up to a period (17 ms) for its first pulse
        PulseRate.pauseWhileIdle();
        stage.setTitle("BufferDeck");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> Platform.exit());
        Scene first = FirstFrame.show(stage, session, firstTheme());
        if (Boolean.getBoolean(EXIT_WHEN_FILLED)) Fx.afterNextFrame(first, () -> System.out.println(SHOWN));
        // after the empty window's first pulse, or the fill would run before it is ever drawn
        // (a runLater queued here comes before the pulse: on GTK the window stayed blank until filled)
        Fx.afterNextPulse(first, () -> fill(stage));
    }

    private void fill(Stage stage) {
        controller = new MainController(services, stage);
        controller.theme().desktopProperty().set(colorScheme);
        controller.notifier().installUncaughtHandler();
        MainWindow window = new MainWindow(controller);
        stage.setScene(window.scene());
        boolean exitWhenFilled = Boolean.getBoolean(EXIT_WHEN_FILLED);
        // said once the renderer has drawn the filled window's first frame; the app quits after it (the startup
        // benchmarks: the warm-up's first step, which runs after the first pulse, has loaded its classes too)
        if (exitWhenFilled) Fx.afterNextFrame(window.scene(), () -> {
            System.out.println(FILLED);
            Platform.runLater(Platform::exit);
        });
        // media keys and the desktop's controls once the filled window is drawn: nothing on it waits for them
        Fx.afterNextPulse(window.scene(), () -> {
            if (!stopped) mpris = MprisBridge.install(controller, System.getenv());
        });
        // the pulse timer slows while no window is seen: set up once the filled window is drawn (it reflects into JavaFX)
        Fx.afterNextPulse(window.scene(), PulseRate::slowWhileNoWindowIsSeen);
        IdleWarmUp warm = window.warmUpWhenIdle(MainController.addsDemoClipOnceDrawn(session, launch.sources()));
        if (Boolean.getBoolean(EXIT_WHEN_WARM)) warm.whenDone(() -> {
            PauseTransition settle = new PauseTransition(Duration.seconds(WARM_SETTLE_SECONDS));
            settle.setOnFinished(e -> {
                System.out.println(WARMED);
                Platform.exit();
            });
            settle.play();
        });
        controller.start(session, sessionWarnings, launch.sources());
        controller.session().saveOnTermination();
        if (instance != null) {
            instance.onLaunch(l -> Platform.runLater(() -> controller.sources().openLaunched(l.sources(), l.enqueue())));
        }
    }

    /**
     * The class-data-sharing training run (scripts/cds-classlist.sh): the window starts
     * as a user's would, and the app quits once its filled window has been drawn.
     */
    private static final String EXIT_WHEN_FILLED = "bufferdeck.exitWhenFilled";
    /**
     * The class list's training run (scripts/cds-classlist.sh): the app quits {@value #WARM_SETTLE_SECONDS} s after
     * its idle warm-up has ended, so that the classes of the window's first seconds are in the class-data archive
     * too (the warm-up's, and on a first start the demo clip's row and facts), not only those of its start.
     */
    private static final String EXIT_WHEN_WARM = "bufferdeck.exitWhenWarm";
    private static final double WARM_SETTLE_SECONDS = 2;
    /** Printed then, before the app quits. */
    public static final String WARMED = "bufferdeck: window warmed";
    /** Printed then, when the filled window's first frame has been drawn: scripts/bench-startup-jar.sh times this line. */
    public static final String FILLED = "bufferdeck: window filled";
    /** Printed then, when the empty window's first frame has been drawn (the window a user sees first). */
    public static final String SHOWN = "bufferdeck: window shown";

    /** The theme the filled window will have, so that the empty one does not flash another colour. */
    private Theme firstTheme() {
        ThemeSwitcher switcher = new ThemeSwitcher();
        switcher.desktopProperty().set(colorScheme);
        if (session != null) switcher.choiceProperty().set(ThemeChoice.parse(session.theme()));
        return switcher.themeProperty().get();
    }

    @Override
    public void stop() {
        stopped = true;
        if (instance != null) instance.close();
        if (mpris != null) mpris.close();
        if (controller != null) controller.shutdown();
    }
}
