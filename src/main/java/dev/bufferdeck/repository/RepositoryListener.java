package dev.bufferdeck.repository;

/**
 * Told of changes on the thread that made them (a loader thread, usually). UI controllers hop to
 * the FX thread themselves.
 */
public interface RepositoryListener {
    default void added(MediaBuffer buffer) {}
    default void removed(MediaBuffer buffer) {}
    /**
     * A buffer listed while loading got more bytes (at most every 100 ms), or completed; or a
     * reference was filled again, or pinned or unpinned.
     */
    default void changed(MediaBuffer buffer) {}
    /** The buffer's bytes were let go to make room: it stays listed as a reference ({@link MediaBuffer#isResident()}). */
    default void evicted(MediaBuffer buffer) {}
    /** Bytes held, bytes reserved by loads in progress, or the budget changed. */
    default void memoryChanged(MemoryFigures figures) {}
}
