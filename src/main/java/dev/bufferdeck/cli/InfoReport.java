package dev.bufferdeck.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts {@code info} prints about one source, in print order. Each fact has a JSON key, a label
 * for people, a JSON value (null, String, Boolean, Number or a nested report) and optionally a
 * different text for people. Null values print as JSON null and are left out of the text.
 */
public final class InfoReport {
    private record Fact(String label, Object value, String text, boolean shownAsText) {}

    private final Map<String, Fact> facts = new LinkedHashMap<>();

    /** Sets a fact; setting a key again replaces its value but keeps its place. */
    public InfoReport put(String key, String label, Object value) {
        return put(key, label, value, null);
    }

    /**
     * Sets a fact whose text for people differs from its JSON value, e.g. a size with its unit, or
     * "none" for a nested report with nothing worth listing.
     */
    public InfoReport put(String key, String label, Object value, String text) {
        facts.put(key, new Fact(label, value, text, true));
        return this;
    }

    /** Sets a fact that only the JSON form shows (the text form shows it another way). */
    public InfoReport putJsonOnly(String key, Object value) {
        facts.put(key, new Fact(key, value, null, false));
        return this;
    }

    /** The nested report under {@code key}, created empty when missing. */
    public InfoReport section(String key, String label) {
        Fact fact = facts.get(key);
        if (fact != null && fact.value() instanceof InfoReport nested) return nested;
        InfoReport nested = new InfoReport();
        facts.put(key, new Fact(label, nested, null, true));
        return nested;
    }

    public Object value(String key) {
        Fact fact = facts.get(key);
        return fact == null ? null : fact.value();
    }

    /** Maps and plain values for {@link Json}. */
    public Map<String, Object> toJsonValue() {
        Map<String, Object> map = new LinkedHashMap<>();
        facts.forEach((key, fact) -> map.put(key,
                fact.value() instanceof InfoReport nested ? nested.toJsonValue() : fact.value()));
        return map;
    }

    public String toJson() {
        return Json.write(toJsonValue());
    }

    /** "label: text" lines, nested reports indented under their label. */
    public void appendText(StringBuilder out, String indent) {
        int width = 0;
        for (Fact fact : facts.values()) {
            if (fact.value() != null && fact.shownAsText()) width = Math.max(width, fact.label().length());
        }
        for (Fact fact : facts.values()) {
            if (fact.value() == null || !fact.shownAsText()) continue;
            out.append(indent).append(fact.label()).append(':');
            if (fact.value() instanceof InfoReport nested && fact.text() == null) {
                out.append('\n');
                nested.appendText(out, indent + "  ");
                continue;
            }
            out.append(" ".repeat(width - fact.label().length() + 1)).append(text(fact)).append('\n');
        }
    }

    /** A value's text on one line: a line break in a tag or name must not start a fact of its own. */
    private static String text(Fact fact) {
        if (fact.text() != null) return TerminalText.oneLine(fact.text());
        if (fact.value() instanceof Boolean b) return b ? "yes" : "no";
        return TerminalText.oneLine(String.valueOf(fact.value()));
    }
}
