package dev.bufferdeck.repository;

/** A consistent snapshot of the repository's memory use. */
public record MemoryFigures(long held, long reserved, long budget, int count) {
    public long available() { return Math.max(0, budget - held - reserved); }

    /** e.g. "312.4 MiB of 4 GiB · 27 buffers". */
    public String describe() {
        return ByteSizes.human(held) + " of " + ByteSizes.human(budget) + " · " + count
                + (count == 1 ? " buffer" : " buffers");
    }
}
