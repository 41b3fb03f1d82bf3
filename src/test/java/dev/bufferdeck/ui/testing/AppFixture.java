package dev.bufferdeck.ui.testing;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.session.SessionStore;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.MainWindow;
import dev.bufferdeck.ui.playback.Playback;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The real main window on a headless stage, with services a test can look into. */
public final class AppFixture {
    public final MediaRepository repository;
    public final AppServices services;
    public final MainController controller;
    public final MainWindow window;
    public final Stage stage;

    private AppFixture(Stage stage, AppServices services) {
        this.stage = stage;
        this.services = services;
        this.repository = services.repository();
        this.controller = new MainController(services, stage);
        this.window = new MainWindow(controller);
        stage.setScene(window.scene());
        stage.show();
    }

    /** The menu bar's menu called {@code text} ("View", "Playback"…). */
    public Menu menu(String text) {
        MenuBar bar = (MenuBar) window.root().getTop();
        return bar.getMenus().stream().filter(m -> m.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " menu"));
    }

    /** The item of menu {@code menuText} whose id is {@code id}. */
    @SuppressWarnings("unchecked")
    public <T extends MenuItem> T menuItem(String menuText, String id) {
        return (T) menu(menuText).getItems().stream().filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id + " in " + menuText));
    }

    /** The standard services, on a fresh repository; {@code start} adds the demo clip like a first start. */
    public static AppFixture open(Stage stage, boolean start) {
        return open(stage, start, Testing.standardServices(), List.of());
    }

    public static AppFixture open(Stage stage, boolean start, AppServices services, List<String> sources) {
        AppFixture f = new AppFixture(stage, services);
        if (start) f.controller.start(sources);
        return f;
    }

    public static AppServices with(AppServices s, Playback playback, SessionStore session) {
        return new AppServices(s.repository(), s.loader(), s.facts(), playback, session, s.playlistReader());
    }

    public void close() {
        Platform.runLater(() -> {
            controller.shutdown();
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != stage) w.hide();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits (FX events included) until the condition holds, failing after {@code seconds}. */
    public static void waitUntil(BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    static MediaRepository freshRepository() {
        return new MediaRepository(FormatDetector.NONE);
    }

    static SessionStore noSession() { return TestSessions.fresh(); }
}
