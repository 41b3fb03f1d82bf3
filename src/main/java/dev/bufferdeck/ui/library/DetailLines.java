package dev.bufferdeck.ui.library;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/**
 * The detail pane's lines (section titles, and key and value pairs) in its grid, written again on
 * each refresh into the labels the last one left there: a refresh (a new row, a loudness scan's
 * progress, facts read) changes their text and places, and makes new labels only when it needs
 * more lines than ever before. Labels made anew cost their skin and CSS each (issue 14: every
 * refresh made all of them, 40 for a URL's details). Lines a refresh does not use stay in the grid,
 * hidden, empty and out of its layout, until needed again; lines can be made ahead the same way.
 */
final class DetailLines {
    private final GridPane grid;
    private final List<Label> sections = new ArrayList<>();
    private final List<Label[]> pairs = new ArrayList<>();
    private int row;
    private int sectionsUsed;
    private int pairsUsed;

    DetailLines(GridPane grid) {
        this.grid = grid;
    }

    /** Starts writing the lines again from the top. */
    void startOver() {
        row = 0;
        sectionsUsed = 0;
        pairsUsed = 0;
    }

    void section(String title) {
        if (sectionsUsed == sections.size()) section();
        place(sections.get(sectionsUsed++), title, 0, 2);
    }

    void add(String key, String value) {
        if (pairsUsed == pairs.size()) pair();
        Label[] pair = pairs.get(pairsUsed++);
        GridPane.setConstraints(pair[0], 0, row);
        setText(pair[0], key);
        show(pair[0]);
        place(pair[1], DisplayText.safe(value), 1, 1);
    }

    /** Hides the lines this refresh did not write. */
    void dropUnused() {
        for (Label l : sections.subList(sectionsUsed, sections.size())) hide(l);
        for (Label[] pair : pairs.subList(pairsUsed, pairs.size())) {
            hide(pair[0]);
            hide(pair[1]);
        }
    }

    /** Makes lines ahead, hidden in the grid, until there are {@code sections} and {@code pairs} of them. */
    void makeAhead(int sectionCount, int pairCount) {
        while (sections.size() < sectionCount) hide(section());
        while (pairs.size() < pairCount) {
            Label[] pair = pair();
            hide(pair[0]);
            hide(pair[1]);
        }
    }

    /** Key and value pairs made so far. */
    int pairsMade() { return pairs.size(); }

    private Label section() {
        Label l = new Label();
        l.getStyleClass().add("detail-section");
        sections.add(l);
        return l;
    }

    private Label[] pair() {
        Label k = new Label();
        k.getStyleClass().add("detail-key");
        Label v = new Label();
        v.getStyleClass().add("detail-value");
        v.setWrapText(true);
        Label[] pair = {k, v};
        pairs.add(pair);
        return pair;
    }

    private void place(Label label, String text, int column, int span) {
        GridPane.setConstraints(label, column, row, span, 1);
        setText(label, text);
        show(label);
        row++;
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) label.setText(text);
    }

    private void show(Label label) {
        if (label.getParent() != grid) grid.getChildren().add(label);
        label.setManaged(true);
        label.setVisible(true);
    }

    private void hide(Label label) {
        if (label.getParent() != grid) grid.getChildren().add(label);
        label.setVisible(false);
        label.setManaged(false);
        setText(label, "");
    }
}
