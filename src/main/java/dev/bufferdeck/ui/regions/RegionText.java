package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionTree;

import java.util.List;
import java.util.stream.Collectors;

/** Words for the region under an offset, for tooltips and status lines. */
public final class RegionText {
    private RegionText() {}

    /**
     * The path of region names down to the innermost one, then its description:
     * "ID3v2 › APIC › image · front cover · image/jpeg · 48213 bytes". Empty when no region holds the offset.
     */
    public static String at(RegionTree tree, long offset) {
        if (tree == null) return "";
        return path(tree.pathAt(offset));
    }

    public static String path(List<Region> path) {
        if (path.isEmpty()) return "";
        String names = path.stream().map(Region::name).collect(Collectors.joining(" › "));
        Region last = path.get(path.size() - 1);
        String description = last.description();
        if (description == null || description.isBlank()) return names;
        return names + " · " + description;
    }

    /** "0x1A2F0 – 0x1A4F0 · 417 bytes" */
    public static String extent(Region r) {
        String range = r.length() == 0 ? hex(r.offset()) : hex(r.offset()) + " – " + hex(r.end() - 1);
        return String.format("%s · %,d bytes", range, r.length());
    }

    /** "frame 339 · MPEG-1 Layer III · 128 kbit/s · 0x1A2F0 – 0x1A4F0 · 417 bytes" */
    public static String line(Region r) {
        return r.name() + (hasDescription(r) ? " · " + r.description() : "") + " · " + extent(r);
    }

    static boolean hasDescription(Region r) {
        return r.description() != null && !r.description().isBlank();
    }

    /** "0x1A2F0" */
    public static String hex(long offset) {
        return String.format("0x%X", offset);
    }
}
