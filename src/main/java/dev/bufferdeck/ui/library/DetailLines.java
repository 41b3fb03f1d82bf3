package dev.bufferdeck.ui.library;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The detail pane's lines (section titles, and key and value pairs) in its grid, written again on
 * each refresh into the labels the last one left there: a refresh (a new row, a loudness scan's
 * progress, facts read) changes their text and places, and makes new labels only when it needs
 * more lines than ever before. Labels made anew cost their skin and CSS each (issue 14: every
 * refresh made all of them). Lines a refresh does not use leave the grid until needed again.
 */
final class DetailLines {
    private final GridPane grid;
    private final List<Label> sections = new ArrayList<>();
    private final List<Label[]> pairs = new ArrayList<>();
    private Label hint;
    private int row;
    private int sectionsUsed;
    private int pairsUsed;
    private boolean hintUsed;

    DetailLines(GridPane grid) {
        this.grid = grid;
    }

    /** Starts writing the lines again from the top. */
    void startOver() {
        row = 0;
        sectionsUsed = 0;
        pairsUsed = 0;
        hintUsed = false;
    }

    /** A wrapped line across both columns, in the keys' colour, alone in the pane. */
    void hint(String text) {
        if (hint == null) {
            hint = new Label();
            hint.setWrapText(true);
            hint.getStyleClass().add("detail-key");
        }
        hintUsed = true;
        place(hint, text, 0, 2);
    }

    void section(String title) {
        if (sectionsUsed == sections.size()) {
            Label l = new Label();
            l.getStyleClass().add("detail-section");
            sections.add(l);
        }
        place(sections.get(sectionsUsed++), title, 0, 2);
    }

    void add(String key, String value) {
        if (pairsUsed == pairs.size()) {
            Label k = new Label();
            k.getStyleClass().add("detail-key");
            Label v = new Label();
            v.getStyleClass().add("detail-value");
            v.setWrapText(true);
            pairs.add(new Label[] {k, v});
        }
        Label[] pair = pairs.get(pairsUsed++);
        GridPane.setConstraints(pair[0], 0, row);
        setText(pair[0], key);
        inGrid(pair[0]);
        place(pair[1], DisplayText.safe(value), 1, 1);
    }

    /** Takes the lines this refresh did not write out of the grid. */
    void dropUnused() {
        List<Node> unused = new ArrayList<>();
        if (hint != null && !hintUsed) unused.add(hint);
        unused.addAll(sections.subList(sectionsUsed, sections.size()));
        for (Label[] pair : pairs.subList(pairsUsed, pairs.size())) unused.addAll(List.of(pair));
        grid.getChildren().removeAll(unused);
    }

    private void place(Label label, String text, int column, int span) {
        GridPane.setConstraints(label, column, row, span, 1);
        setText(label, text);
        inGrid(label);
        row++;
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) label.setText(text);
    }

    private void inGrid(Label label) {
        if (label.getParent() != grid) grid.getChildren().add(label);
    }
}
