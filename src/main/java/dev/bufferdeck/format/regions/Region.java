package dev.bufferdeck.format.regions;

import java.util.ArrayList;
import java.util.List;

/**
 * A named range of a buffer's bytes. Children lie inside it; for long runs (every MPEG frame of an
 * hour-long file) the children list is built on demand, one region per {@code get}.
 */
public record Region(String name, RegionKind kind, long offset, long length, String description,
                     List<Problem> problems, List<Region> children) {

    public Region {
        problems = List.copyOf(problems);
    }

    public static Region leaf(String name, RegionKind kind, long offset, long length, String description) {
        return new Region(name, kind, offset, length, description, List.of(), List.of());
    }

    public long end() {
        return offset + length;
    }

    public boolean contains(long byteOffset) {
        return byteOffset >= offset && byteOffset < offset + length;
    }

    public Region withProblems(List<Problem> more) {
        if (more.isEmpty()) return this;
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new Region(name, kind, offset, length, description, all, children);
    }
}
