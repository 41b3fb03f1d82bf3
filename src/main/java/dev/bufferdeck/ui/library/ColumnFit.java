package dev.bufferdeck.ui.library;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/**
 * Widths that fit a column's content: the widest of the header and the longest text the column
 * can show (from templates, so no row is measured and the cost does not grow with the library).
 */
final class ColumnFit {
    /** A cell's insets and a little air. */
    static final double CELL_PADDING = 12;
    /** A header's insets and the sort arrow it shows when the table is sorted by it. */
    static final double HEADER_PADDING = 18;

    private ColumnFit() {}

    static double width(Font font, String header, List<String> longest, double graphic) {
        double w = header.isEmpty() ? 0
                : textWidth(Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()), header) + HEADER_PADDING;
        for (String s : longest) w = Math.max(w, textWidth(font, s) + graphic + CELL_PADDING);
        return Math.ceil(w);
    }

    static double textWidth(Font font, String s) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Fixes the column at its content's width: never cut, and it takes no share of the rest. */
    static void fix(TableColumn<?, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }
}
