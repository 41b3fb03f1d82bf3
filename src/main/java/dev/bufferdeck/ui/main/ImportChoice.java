package dev.bufferdeck.ui.main;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/** Asks whether an imported playlist replaces the entries there are or follows them. */
final class ImportChoice {
    static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.OTHER);
    static final ButtonType APPEND = new ButtonType("Append", ButtonBar.ButtonData.OK_DONE);

    private ImportChoice() {}

    /** True for replace, false for append, empty when cancelled. */
    static Optional<Boolean> ask(Window owner, String fileName, int entries) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, REPLACE, APPEND, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Import playlist");
        alert.setHeaderText("Import " + fileName);
        alert.setContentText("The playlist holds " + entries + (entries == 1 ? " entry" : " entries")
                + ". Replace them with the imported ones, or append the imported ones after them?");
        return alert.showAndWait().filter(b -> b == REPLACE || b == APPEND).map(b -> b == REPLACE);
    }
}
