package dev.bufferdeck.repository;

/**
 * Bytes of the memory budget set aside for a load in progress. Grows as a load of unknown size
 * reads on; closing it without handing it to {@link MediaRepository#add} gives the bytes back.
 */
public final class Reservation implements AutoCloseable {
    private final MediaRepository owner;
    private long bytes;
    private boolean open = true;

    Reservation(MediaRepository owner, long bytes) {
        this.owner = owner;
        this.bytes = bytes;
    }

    public synchronized long bytes() { return bytes; }

    /** Asks for {@code more} bytes; throws, holding what it had, when the budget cannot give them. */
    public synchronized void grow(long more) throws BudgetExceededException {
        if (!open) throw new IllegalStateException("reservation already closed");
        owner.take(more);
        bytes += more;
    }

    /** Gives back {@code fewer} bytes that turned out not to be needed. */
    public synchronized void shrink(long fewer) {
        if (fewer > bytes) throw new IllegalArgumentException("cannot shrink below zero");
        owner.giveBack(fewer);
        bytes -= fewer;
    }

    synchronized long handOver() {
        if (!open) throw new IllegalStateException("reservation already closed");
        open = false;
        long held = bytes;
        bytes = 0;
        return held;
    }

    synchronized boolean isOpen() { return open; }

    @Override
    public synchronized void close() {
        if (open) {
            open = false;
            owner.giveBack(bytes);
            HeapGiveBack.afterRemoving(bytes);   // a load that failed or was cancelled: what it read is garbage now
            bytes = 0;
        }
    }
}
