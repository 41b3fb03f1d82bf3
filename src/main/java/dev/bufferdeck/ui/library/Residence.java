package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.MediaBuffer;

/** Where a library entry's bytes are: in memory, let go (a reference, loaded again when needed), or pinned. */
public enum Residence {
    IN_MEMORY("in memory"),
    REFERENCE("reference: not in memory, loaded again when it plays or is opened"),
    PINNED("pinned: kept in memory");

    private final String description;

    Residence(String description) {
        this.description = description;
    }

    public String description() { return description; }

    public static Residence of(MediaBuffer buffer) {
        if (!buffer.isResident()) return REFERENCE;
        return buffer.isPinned() ? PINNED : IN_MEMORY;
    }
}
