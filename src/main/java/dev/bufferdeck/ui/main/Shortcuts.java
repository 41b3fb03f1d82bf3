package dev.bufferdeck.ui.main;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * The single-key shortcuts of both windows: Space, Left/Right, Up/Down, M, N, P (and Delete in the
 * main window). They step aside while a text field has the focus, and Up/Down leave tables alone.
 */
public final class Shortcuts {
    /** For the F1 help: key and what it does. */
    public static final List<String[]> HELP = List.of(
            new String[]{"Space", "Play / pause"},
            new String[]{"Left / Right", "Seek back / forward 5 s"},
            new String[]{"Up / Down", "Volume up / down"},
            new String[]{"M", "Mute"},
            new String[]{"N / P", "Next / previous in the playlist"},
            new String[]{"Delete", "Remove the selection (library or playlist)"},
            new String[]{"Ctrl+O", "Open files…"},
            new String[]{"Ctrl+L", "Open URL…"},
            new String[]{"Ctrl+V", "Paste URL or data"},
            new String[]{"Ctrl+P", "Show / hide the playlist window"},
            new String[]{"Ctrl+G", "Hex view: go to offset (decimal or 0x hex)"},
            new String[]{"Ctrl+C", "Hex view: copy the selected bytes as hex"},
            new String[]{"Enter / double-click", "Play the selected entry"},
            new String[]{"F / double-click video", "Video: full screen (F, Esc or double-click to leave)"},
            new String[]{"Ctrl+S", "Video: save the frame to the library as PNG"},
            new String[]{"Ctrl+Shift+C", "Video: copy the frame to the clipboard"},
            new String[]{"F1", "This help"});

    private Shortcuts() {}

    /** @param onDelete run for Delete, or null to leave Delete to the focused control */
    public static void install(Scene scene, PlayerController player, Runnable onDelete) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) return;
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl) return;
            boolean inList = focus instanceof TableView<?> || focus instanceof ListView<?>;
            KeyCode code = e.getCode();
            switch (code) {
                case SPACE -> player.playPause();
                case LEFT -> player.seekBy(-PlayerController.SEEK_STEP_MILLIS);
                case RIGHT -> player.seekBy(PlayerController.SEEK_STEP_MILLIS);
                case UP -> { if (inList) return; player.volumeBy(PlayerController.VOLUME_STEP); }
                case DOWN -> { if (inList) return; player.volumeBy(-PlayerController.VOLUME_STEP); }
                case M -> player.toggleMute();
                case N -> player.next();
                case P -> player.previous();
                case DELETE -> { if (onDelete == null) return; onDelete.run(); }
                default -> { return; }
            }
            e.consume();
        });
    }
}
