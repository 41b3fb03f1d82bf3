package dev.bufferdeck.format.regions;

import dev.bufferdeck.repository.MediaFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The regions of one buffer, top level first, with the format they were parsed as. */
public record RegionTree(MediaFormat format, long size, List<Region> roots) {

    public RegionTree {
        roots = List.copyOf(roots);
    }

    /** The innermost region containing {@code offset}, descending through lazy lists by bisection. */
    public Optional<Region> deepestAt(long offset) {
        Region found = null;
        List<Region> level = roots;
        while (true) {
            Region hit = find(level, offset);
            if (hit == null) return Optional.ofNullable(found);
            found = hit;
            level = hit.children();
        }
    }

    /** The path of regions from the top to the innermost one containing {@code offset}. */
    public List<Region> pathAt(long offset) {
        List<Region> path = new ArrayList<>();
        List<Region> level = roots;
        Region hit;
        while ((hit = find(level, offset)) != null) {
            path.add(hit);
            level = hit.children();
        }
        return path;
    }

    private static Region find(List<Region> sorted, long offset) {
        int lo = 0, hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Region r = sorted.get(mid);
            if (offset < r.offset()) hi = mid - 1;
            else if (offset >= r.end()) lo = mid + 1;
            else return r;
        }
        return null;
    }

    /** The problem with the lowest offset anywhere in the tree. */
    public Optional<Problem> firstProblem() {
        Problem best = null;
        for (Problem p : allProblems(50_000)) {
            if (best == null || p.offset() < best.offset()) best = p;
        }
        return Optional.ofNullable(best);
    }

    /** Problems in tree order, visiting at most {@code maxRegions} regions. */
    public List<Problem> allProblems(int maxRegions) {
        List<Problem> out = new ArrayList<>();
        int[] budget = {maxRegions};
        for (Region r : roots) collect(r, out, budget);
        return out;
    }

    private static void collect(Region r, List<Problem> out, int[] budget) {
        if (budget[0]-- <= 0) return;
        out.addAll(r.problems());
        for (Region c : r.children()) {
            if (budget[0] <= 0) return;
            collect(c, out, budget);
        }
    }
}
