package dev.bufferdeck.ui.library;

import javafx.scene.control.TableColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A table's column order and widths as one line for the session: {@code name:220,origin:180,size:72,…}. */
final class ColumnLayout {
    private ColumnLayout() {}

    static String write(List<? extends TableColumn<?, ?>> columns) {
        StringBuilder sb = new StringBuilder();
        for (TableColumn<?, ?> c : columns) {
            if (sb.length() > 0) sb.append(',');
            sb.append(c.getId()).append(':').append(Math.round(c.getWidth()));
        }
        return sb.toString();
    }

    /**
     * The columns in the saved order (unknown ids ignored, columns the line lacks kept at the end)
     * with their saved widths set as preferred widths. A malformed line leaves them as they are.
     */
    static <C extends TableColumn<?, ?>> List<C> apply(String saved, List<C> columns) {
        if (saved == null || saved.isBlank()) return columns;
        Map<String, C> byId = new HashMap<>();
        for (C c : columns) byId.put(c.getId(), c);
        List<C> ordered = new ArrayList<>();
        Map<C, Double> widths = new HashMap<>();
        for (String part : saved.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0) return columns;
            C c = byId.get(part.substring(0, colon));
            if (c == null || ordered.contains(c)) continue;
            try {
                double w = Double.parseDouble(part.substring(colon + 1));
                if (w > 0 && w < 10_000) widths.put(c, w);
            } catch (NumberFormatException e) {
                return columns;
            }
            ordered.add(c);
        }
        for (C c : columns) if (!ordered.contains(c)) ordered.add(c);
        widths.forEach((c, w) -> c.setPrefWidth(Math.max(c.getMinWidth(), Math.min(c.getMaxWidth(), w))));
        return ordered;
    }
}
