package dev.bufferdeck.ui.main;

import java.util.EnumSet;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * The playback keys of both windows. They work wherever the focus is: a scene filter acts on them
 * before any control sees them, except that they step aside while a text field has the focus, and
 * Up/Down leave a list or table to move its selection (Ctrl+Up/Down change the volume everywhere).
 * The Playback menu shows the same keys; when a key stepped aside, its menu accelerator is
 * blocked too, so a text field or list gets the key and nothing else happens.
 */
public final class Shortcuts {
    static final KeyCombination PLAY_PAUSE = new KeyCodeCombination(KeyCode.SPACE);
    static final KeyCombination STOP = new KeyCodeCombination(KeyCode.S);
    static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.N);
    static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.P);
    static final KeyCombination SEEK_FORWARD = new KeyCodeCombination(KeyCode.RIGHT);
    static final KeyCombination SEEK_BACK = new KeyCodeCombination(KeyCode.LEFT);
    static final KeyCombination VOLUME_UP = new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination VOLUME_DOWN = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination MUTE = new KeyCodeCombination(KeyCode.M);

    /** For the F1 help: key and what it does. */
    public static final List<String[]> HELP = List.of(
            new String[]{"Space", "Play / pause"},
            new String[]{"S", "Stop"},
            new String[]{"Left / Right", "Seek back / forward 5 s"},
            new String[]{"Ctrl+Up / Ctrl+Down", "Volume up / down (everywhere)"},
            new String[]{"Up / Down", "Volume up / down, or the selection in a list"},
            new String[]{"M", "Mute"},
            new String[]{"N / P", "Next / previous in the playlist"},
            new String[]{"Delete", "Remove the selection (library or playlist)"},
            new String[]{"Ctrl+O", "Open files…"},
            new String[]{"Ctrl+L", "Open URL…"},
            new String[]{"Ctrl+V", "Paste URL or data"},
            new String[]{"Ctrl+P", "Show / hide the playlist window"},
            new String[]{"Ctrl+G", "Hex view: go to offset (decimal or 0x hex)"},
            new String[]{"Ctrl+C", "Hex view: copy the selected bytes as hex"},
            new String[]{"Ctrl+I", "Hex inspector: focus mode on / off (Esc returns)"},
            new String[]{"Enter / double-click", "Play the selected entry"},
            new String[]{"F / double-click video", "Video: full screen (F, Esc or double-click to leave)"},
            new String[]{"Ctrl+S", "Video: save the frame to the library as PNG"},
            new String[]{"Ctrl+Shift+C", "Video: copy the frame to the clipboard"},
            new String[]{"F1", "This help"});

    private static final Set<KeyCode> SINGLE_KEYS = EnumSet.of(KeyCode.SPACE, KeyCode.S, KeyCode.LEFT,
            KeyCode.RIGHT, KeyCode.UP, KeyCode.DOWN, KeyCode.M, KeyCode.N, KeyCode.P);

    private Shortcuts() {}

    /** @param onDelete run for Delete, or null to leave Delete to the focused control */
    public static void install(Scene scene, PlayerController player, Runnable onDelete) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (VOLUME_UP.match(e)) {
                player.volumeBy(PlayerController.VOLUME_STEP);
            } else if (VOLUME_DOWN.match(e)) {
                player.volumeBy(-PlayerController.VOLUME_STEP);
            } else if (e.isShortcutDown() || e.isAltDown() || stepsAside(scene, e.getCode())) {
                return;
            } else {
                switch (e.getCode()) {
                    case SPACE -> player.playPause();
                    case S -> player.stop();
                    case LEFT -> player.seekBy(-PlayerController.SEEK_STEP_MILLIS);
                    case RIGHT -> player.seekBy(PlayerController.SEEK_STEP_MILLIS);
                    case UP -> player.volumeBy(PlayerController.VOLUME_STEP);
                    case DOWN -> player.volumeBy(-PlayerController.VOLUME_STEP);
                    case M -> player.toggleMute();
                    case N -> player.next();
                    case P -> player.previous();
                    case DELETE -> { if (onDelete == null) return; onDelete.run(); }
                    default -> { return; }
                }
            }
            e.consume();
        });
        // Runs after the focused control, before the scene's accelerators: a key that stepped aside
        // and was not used by the control must not reach the Playback menu's accelerator either.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && SINGLE_KEYS.contains(e.getCode()) && stepsAside(scene, e.getCode())) {
                e.consume();
            }
        });
    }

    /** A text field takes every single key; a list or table takes Up and Down. */
    private static boolean stepsAside(Scene scene, KeyCode code) {
        Node focus = scene.getFocusOwner();
        if (focus instanceof TextInputControl) return true;
        boolean inList = focus instanceof TableView<?> || focus instanceof ListView<?>;
        return inList && (code == KeyCode.UP || code == KeyCode.DOWN);
    }
}
