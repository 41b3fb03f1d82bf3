package dev.bufferdeck.playlist;

/** What happens at the end of a track and at the end of the playlist. */
public enum Repeat {
    /** Play through once and stop after the last entry. */
    OFF,
    /** Start again from the first entry (a new shuffle order when shuffling). */
    ALL,
    /** Play the current entry again when it ends; skipping still moves on. */
    ONE;

    /** The mode after this one in the order OFF, ALL, ONE, OFF (what a repeat button cycles through). */
    public Repeat following() {
        return values()[(ordinal() + 1) % values().length];
    }
}
