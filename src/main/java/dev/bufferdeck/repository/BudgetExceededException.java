package dev.bufferdeck.repository;

/** A load would hold more bytes than the repository's memory budget allows. */
public final class BudgetExceededException extends Exception {
    private final long requested;
    private final long available;

    public BudgetExceededException(long requested, long available, long budget) {
        super("memory budget full: needs " + ByteSizes.human(requested) + " but only "
                + ByteSizes.human(available) + " of " + ByteSizes.human(budget) + " is free");
        this.requested = requested;
        this.available = available;
    }

    public long requested() { return requested; }
    public long available() { return available; }
}
