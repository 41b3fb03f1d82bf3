package dev.bufferdeck.format.regions;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a region tree as indented text, for the {@code regions} command and tests. */
public final class RegionPrinter {
    private RegionPrinter() {}

    /** One line per region: offset, length, kind, name, description, then its problems indented. */
    public static void printText(RegionTree tree, PrintStream out) {
        out.println("format " + tree.format().displayName() + " · " + tree.size() + " bytes");
        for (Region r : tree.roots()) text(r, 0, out);
    }

    private static void text(Region r, int depth, PrintStream out) {
        String label = r.description().startsWith(r.name()) || r.description().isEmpty()
                ? r.name() + r.description().substring(r.description().isEmpty() ? 0 : r.name().length())
                : r.name() + " · " + r.description();
        out.printf("%s0x%08X %10d  %-12s %s%n", "  ".repeat(depth), r.offset(), r.length(),
                r.kind().name().toLowerCase(Locale.ROOT), label);
        for (Problem p : r.problems()) out.println("  ".repeat(depth + 1) + "! " + p);
        for (Region c : r.children()) text(c, depth + 1, out);
    }
}
