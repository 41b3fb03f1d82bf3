package dev.bufferdeck.ui.playlist;


import dev.bufferdeck.ui.dnd.DroppedItems;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The playlist window opened on its own (as a bench opens it, without the main window's stylesheets) styles cleanly. */
@ExtendWith(ApplicationExtension.class)
class PlaylistWindowStylesTest {
    private static final PlaylistActions NOTHING = new PlaylistActions() {
        @Override public void play(PlaylistRow entry) {}
        @Override public void dropAt(DroppedItems items, int index) {}
        @Override public void insertBuffers(List<Long> bufferIds, int index) {}
        @Override public void retry(PlaylistRow entry) {}
        @Override public void importPlaylist() {}
        @Override public void exportPlaylist() {}
    };

    private final Logger css = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(r.getMessage());
        }
        @Override public void flush() {}
        @Override public void close() {}
    };
    private PlaylistWindow window;

    @Start
    void start(Stage stage) {
        css.addHandler(recorder);
    }

    @AfterEach
    void stop() {
        css.removeHandler(recorder);
    }

    @Test
    void aPlaylistWindowOnItsOwnLogsNoStyleWarnings(FxRobot robot) {
        robot.interact(() -> {
            window = new PlaylistWindow(new PlaylistModel(), NOTHING);
            window.show();
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
        });
        assertTrue(window.scene().getWindow().isShowing());
        assertEquals(List.of(), warnings, "CSS warnings while styling the playlist window");
        robot.interact(() -> window.stage().close());
    }
}
