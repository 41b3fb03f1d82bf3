package dev.bufferdeck.repository;

import java.util.Objects;

/**
 * A consistent snapshot of the repository's memory use.
 *
 * @param held       bytes of the buffers in memory (what the budget counts)
 * @param reserved   bytes set aside by loads in progress
 * @param count      buffers listed: in memory and references
 * @param references buffers listed whose bytes were let go (they hold nothing)
 * @param referenceBytes what those references would hold if loaded again
 */
public record MemoryFigures(long held, long reserved, long budget, int count, int references, long referenceBytes) {
    public MemoryFigures(long held, long reserved, long budget, int count) {
        this(held, reserved, budget, count, 0, 0);
    }

    public long available() { return Math.max(0, budget - held - reserved); }

    /** Buffers whose bytes are in memory. */
    public int inMemory() { return count - references; }

    /** e.g. "312.4 MiB of 4 GiB · 27 buffers", or "… · 3 in memory, 24 references". */
    public String describe() {
        String head = ByteSizes.human(held) + " of " + ByteSizes.human(budget) + " · ";
        if (references == 0) return head + count + (count == 1 ? " buffer" : " buffers");
        return head + inMemory() + " in memory, " + references + (references == 1 ? " reference" : " references");
    }

    // written out, not generated: see RecordsAtStartTest
    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryFigures f && held == f.held && reserved == f.reserved && budget == f.budget
                && count == f.count && references == f.references && referenceBytes == f.referenceBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(held, reserved, budget, count, references, referenceBytes);
    }
}
