package dev.bufferdeck.format.regions;

import java.io.PrintStream;
import java.util.List;

/** Prints a region tree as indented text or as JSON lines, for the {@code regions} command and tests. */
public final class RegionPrinter {
    private RegionPrinter() {}

    /** One line per region: offset, length, kind, name, description, then its problems indented. */
    public static void printText(RegionTree tree, PrintStream out) {
        out.println("format " + tree.format() + " · " + tree.size() + " bytes");
        for (Region r : tree.roots()) text(r, 0, out);
    }

    private static void text(Region r, int depth, PrintStream out) {
        String label = r.description().startsWith(r.name()) || r.description().isEmpty()
                ? r.name() + r.description().substring(r.description().isEmpty() ? 0 : r.name().length())
                : r.name() + " · " + r.description();
        out.printf("%s0x%08X %10d  %-12s %s%n", "  ".repeat(depth), r.offset(), r.length(),
                r.kind().name().toLowerCase(java.util.Locale.ROOT), label);
        for (Problem p : r.problems()) out.println("  ".repeat(depth + 1) + "! " + p);
        for (Region c : r.children()) text(c, depth + 1, out);
    }

    /** The whole tree as one JSON object. */
    public static void printJson(RegionTree tree, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"format\":").append(str(tree.format())).append(",\"size\":").append(tree.size())
                .append(",\"regions\":");
        array(tree.roots(), sb);
        sb.append('}');
        out.println(sb);
    }

    private static void array(List<Region> regions, StringBuilder sb) {
        sb.append('[');
        boolean first = true;
        for (Region r : regions) {
            if (!first) sb.append(',');
            first = false;
            sb.append("{\"name\":").append(str(r.name()))
                    .append(",\"kind\":").append(str(r.kind().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(",\"offset\":").append(r.offset())
                    .append(",\"length\":").append(r.length())
                    .append(",\"description\":").append(str(r.description()))
                    .append(",\"problems\":[");
            for (int i = 0; i < r.problems().size(); i++) {
                Problem p = r.problems().get(i);
                if (i > 0) sb.append(',');
                sb.append("{\"offset\":").append(p.offset()).append(",\"message\":").append(str(p.message())).append('}');
            }
            sb.append("],\"children\":");
            array(r.children(), sb);
            sb.append('}');
        }
        sb.append(']');
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
