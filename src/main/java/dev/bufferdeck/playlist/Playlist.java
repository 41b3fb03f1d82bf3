package dev.bufferdeck.playlist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ordered list of entries to play, which one is current, and how to go on from it (shuffle,
 * repeat). A plain model: no JavaFX, no I/O. Not thread-safe: use it from one thread (the FX thread
 * in the app); listeners are called on that thread after each change.
 *
 * <p>With shuffle on, a shuffled play order holds every entry once; {@link #next()} walks it, so a
 * pass visits each entry exactly once. Entries added while shuffling are placed at random among the
 * ones not yet played. Switching shuffle off keeps the current entry.
 */
public final class Playlist {

    /** Identity of one position in the list, so the same entry may appear twice. */
    private static final class Slot {
        PlaylistEntry entry;
        Slot(PlaylistEntry entry) { this.entry = entry; }
    }

    private final List<Slot> slots = new ArrayList<>();
    private final List<Slot> shuffleOrder = new ArrayList<>();
    private final List<PlaylistListener> listeners = new CopyOnWriteArrayList<>();
    private final Random random;
    private Slot current;
    /** Where to go on after the current entry was removed: the slot that followed it in play order. */
    private Slot resumeAt;
    /** The shuffled order of the next pass, once someone asked what comes after the end of this one. */
    private List<Slot> nextPass;
    private boolean shuffle;
    private Repeat repeat = Repeat.OFF;

    public Playlist() {
        this(new Random());
    }

    /** A playlist whose shuffle orders come from {@code random} (tests pass a seeded one). */
    public Playlist(Random random) {
        this.random = Objects.requireNonNull(random);
    }

    // ---- reading -------------------------------------------------------------------------------

    public int size() { return slots.size(); }

    public boolean isEmpty() { return slots.isEmpty(); }

    public PlaylistEntry get(int index) { return slots.get(index).entry; }

    /** A snapshot of the entries in list order. */
    public List<PlaylistEntry> entries() {
        List<PlaylistEntry> out = new ArrayList<>(slots.size());
        for (Slot s : slots) out.add(s.entry);
        return Collections.unmodifiableList(out);
    }

    /** Index of the current entry, or -1 when there is none. */
    public int currentIndex() { return indexOfSlot(slots, current); }

    public Optional<PlaylistEntry> current() { return Optional.ofNullable(current).map(s -> s.entry); }

    public boolean isShuffle() { return shuffle; }

    public Repeat repeat() { return repeat; }

    /** The list indices in the order {@link #next()} plays them (list order unless shuffling). */
    public List<Integer> playOrder() {
        List<Integer> out = new ArrayList<>(slots.size());
        for (Slot s : order()) out.add(indexOfSlot(slots, s));
        return out;
    }

    /** True when {@link #next()} would move to an entry. */
    public boolean hasNext() {
        if (slots.isEmpty()) return false;
        if (current == null || repeat != Repeat.OFF) return true;
        return indexOfSlot(order(), current) + 1 < slots.size();
    }

    /** True when {@link #previous()} would move to an entry. */
    public boolean hasPrevious() {
        if (current == null) return false;
        return repeat != Repeat.OFF || indexOfSlot(order(), current) > 0;
    }

    /** The index {@link #next()} would move to, without moving. */
    public Optional<Integer> peekNextIndex() {
        return indexOf(nextSlot(true));
    }

    /** The index {@link #previous()} would move to, without moving. */
    public Optional<Integer> peekPreviousIndex() {
        return indexOf(previousSlot());
    }

    /** The index {@link #nextAtEndOfTrack()} would move to (or stay at), without moving. */
    public Optional<Integer> peekIndexAtEndOfTrack() {
        if (repeat == Repeat.ONE && current != null) return indexOf(current);
        return peekNextIndex();
    }

    // ---- editing -------------------------------------------------------------------------------

    public void add(PlaylistEntry entry) {
        insert(slots.size(), List.of(entry));
    }

    public void addAll(Collection<PlaylistEntry> entries) {
        insert(slots.size(), entries);
    }

    /** Inserts {@code entries} so that the first one lands at {@code index} (clamped to the list). */
    public void insert(int index, Collection<PlaylistEntry> entries) {
        if (entries.isEmpty()) return;
        int at = Math.max(0, Math.min(index, slots.size()));
        List<Slot> added = new ArrayList<>(entries.size());
        for (PlaylistEntry e : entries) added.add(new Slot(Objects.requireNonNull(e)));
        slots.addAll(at, added);
        nextPass = null;
        if (shuffle) {
            // each lands after the current entry, so where that one is does not move
            int firstUnplayed = indexOfSlot(shuffleOrder, current) + 1;
            for (Slot s : added) {
                shuffleOrder.add(firstUnplayed + random.nextInt(shuffleOrder.size() - firstUnplayed + 1), s);
            }
        }
        fire(PlaylistListener.Change.ENTRIES);
    }

    /** Replaces the entry at {@code index}, e.g. once its buffer is loaded; keeps its place and play state. */
    public void replace(int index, PlaylistEntry entry) {
        slots.get(index).entry = Objects.requireNonNull(entry);
        fire(PlaylistListener.Change.ENTRIES);
    }

    /** Removes the entries at the given indices (any order, duplicates ignored). */
    public void remove(Collection<Integer> indices) {
        TreeSet<Integer> sorted = validIndices(indices);
        if (sorted.isEmpty()) return;
        Set<Slot> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i : sorted) removed.add(slots.get(i));
        boolean currentRemoved = current != null && removed.contains(current);
        if (currentRemoved) resumeAt = firstSurvivorAfter(order(), indexOfSlot(order(), current), removed);
        slots.removeIf(removed::contains);
        shuffleOrder.removeIf(removed::contains);
        nextPass = null;
        if (resumeAt != null && removed.contains(resumeAt)) resumeAt = null;
        if (currentRemoved) current = null;
        fire(PlaylistListener.Change.ENTRIES);
        if (currentRemoved) fire(PlaylistListener.Change.CURRENT);
    }

    public void clear() {
        if (slots.isEmpty()) return;
        boolean hadCurrent = current != null;
        slots.clear();
        shuffleOrder.clear();
        nextPass = null;
        current = null;
        resumeAt = null;
        fire(PlaylistListener.Change.ENTRIES);
        if (hadCurrent) fire(PlaylistListener.Change.CURRENT);
    }

    /**
     * Moves the selected entries, keeping their relative order, so that they end up where a drop
     * before the entry at {@code target} would put them ({@code target == size()} means the end).
     *
     * @return the new indices of the moved entries, in order (to reselect them)
     */
    public List<Integer> move(Collection<Integer> indices, int target) {
        TreeSet<Integer> sorted = validIndices(indices);
        if (sorted.isEmpty()) return List.of();
        int clampedTarget = Math.max(0, Math.min(target, slots.size()));
        int insertAt = clampedTarget - sorted.headSet(clampedTarget).size();
        List<Slot> moving = new ArrayList<>(sorted.size());
        for (int i : sorted) moving.add(slots.get(i));
        for (int i : sorted.descendingSet()) slots.remove(i);
        slots.addAll(insertAt, moving);
        List<Integer> newIndices = new ArrayList<>(moving.size());
        for (int k = 0; k < moving.size(); k++) newIndices.add(insertAt + k);
        fire(PlaylistListener.Change.ENTRIES);
        return newIndices;
    }

    // ---- playing order -------------------------------------------------------------------------

    /**
     * Makes the entry at {@code index} current (-1: none). While shuffling, the chosen entry is
     * moved to just after the current one in the play order, so the rest of the pass is unchanged.
     * Choosing the entry that {@link #peekNextIndex()} announced is the same as {@link #next()}.
     */
    public void setCurrentIndex(int index) {
        if (index < -1 || index >= slots.size()) {
            throw new IndexOutOfBoundsException("index " + index + " for a playlist of " + slots.size());
        }
        Slot target = index < 0 ? null : slots.get(index);
        if (target != null && target != current && target == nextSlot(false)) {
            next();
            return;
        }
        if (target != null && shuffle && target != current) {
            shuffleOrder.remove(indexOfSlot(shuffleOrder, target));
            shuffleOrder.add(indexOfSlot(shuffleOrder, current) + 1, target);
        }
        moveTo(target);
    }

    /**
     * The user's "next": the following entry in play order. At the end of the list it wraps to the
     * start (with a fresh shuffle) unless repeat is OFF, in which case nothing changes.
     *
     * @return the new current entry, or empty when there is none to go to
     */
    public Optional<PlaylistEntry> next() {
        Slot target = nextSlot(true);
        if (target == null) return Optional.empty();
        if (shuffle && current != null && indexOfSlot(shuffleOrder, current) == shuffleOrder.size() - 1) {
            shuffleOrder.clear();
            shuffleOrder.addAll(nextPass);
        }
        moveTo(target);
        return current();
    }

    /**
     * What to play when the current entry has finished: the same entry again with repeat ONE,
     * otherwise {@link #next()}.
     */
    public Optional<PlaylistEntry> nextAtEndOfTrack() {
        if (repeat == Repeat.ONE && current != null) return current();
        return next();
    }

    /**
     * The user's "previous": the entry before the current one in play order, wrapping to the last
     * one unless repeat is OFF.
     */
    public Optional<PlaylistEntry> previous() {
        Slot target = previousSlot();
        if (target == null) return Optional.empty();
        moveTo(target);
        return current();
    }

    /** Shuffle on: a new random order starting with the current entry. Off: list order, same current entry. */
    public void setShuffle(boolean on) {
        if (on == shuffle) return;
        shuffle = on;
        shuffleOrder.clear();
        nextPass = null;
        if (on) {
            shuffleOrder.addAll(slots);
            Collections.shuffle(shuffleOrder, random);
            if (current != null) {
                shuffleOrder.remove(indexOfSlot(shuffleOrder, current));
                shuffleOrder.add(0, current);
            }
        }
        resumeAt = null;
        fire(PlaylistListener.Change.SHUFFLE);
    }

    public void setRepeat(Repeat mode) {
        Objects.requireNonNull(mode);
        if (mode == repeat) return;
        repeat = mode;
        fire(PlaylistListener.Change.REPEAT);
    }

    // ---- listeners -----------------------------------------------------------------------------

    public void addListener(PlaylistListener listener) { listeners.add(Objects.requireNonNull(listener)); }

    public void removeListener(PlaylistListener listener) { listeners.remove(listener); }

    // ---- internals -----------------------------------------------------------------------------

    private List<Slot> order() { return shuffle ? shuffleOrder : slots; }

    private void moveTo(Slot target) {
        resumeAt = null;
        if (target == current) return;
        current = target;
        nextPass = null;
        fire(PlaylistListener.Change.CURRENT);
    }

    /**
     * Where {@link #next()} goes. Past the end of a shuffled pass that is the head of the next pass,
     * drawn here when {@code drawNextPass} (else null) and kept so the answer does not change.
     */
    private Slot nextSlot(boolean drawNextPass) {
        if (slots.isEmpty()) return null;
        List<Slot> order = order();
        if (current == null) return resumeAt != null ? resumeAt : order.get(0);
        int pos = indexOfSlot(order, current);
        if (pos + 1 < order.size()) return order.get(pos + 1);
        if (repeat == Repeat.OFF) return null;
        if (!shuffle) return order.get(0);
        if (nextPass == null && drawNextPass) nextPass = shuffledPass(current);
        return nextPass == null ? null : nextPass.get(0);
    }

    private Slot previousSlot() {
        if (current == null) return null;
        List<Slot> order = order();
        int pos = indexOfSlot(order, current);
        if (pos > 0) return order.get(pos - 1);
        return repeat == Repeat.OFF ? null : order.get(order.size() - 1);
    }

    private Optional<Integer> indexOf(Slot slot) {
        return slot == null ? Optional.empty() : Optional.of(indexOfSlot(slots, slot));
    }

    /** A new pass: every entry once, and the one just played not first (when there is a choice). */
    private List<Slot> shuffledPass(Slot justPlayed) {
        List<Slot> pass = new ArrayList<>(slots);
        Collections.shuffle(pass, random);
        if (pass.size() > 1 && pass.get(0) == justPlayed) {
            Collections.swap(pass, 0, 1 + random.nextInt(pass.size() - 1));
        }
        return pass;
    }

    private static Slot firstSurvivorAfter(List<Slot> order, int pos, Set<Slot> removed) {
        for (int k = pos + 1; k < order.size(); k++) {
            Slot s = order.get(k);
            if (!removed.contains(s)) return s;
        }
        return null;
    }

    private TreeSet<Integer> validIndices(Collection<Integer> indices) {
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer i : indices) {
            if (i == null || i < 0 || i >= slots.size()) {
                throw new IndexOutOfBoundsException("index " + i + " for a playlist of " + slots.size());
            }
            sorted.add(i);
        }
        return sorted;
    }

    private static int indexOfSlot(List<Slot> list, Slot slot) {
        if (slot == null) return -1;
        for (int i = 0; i < list.size(); i++) if (list.get(i) == slot) return i;
        return -1;
    }

    private void fire(PlaylistListener.Change change) {
        for (PlaylistListener l : listeners) l.playlistChanged(this, change);
    }
}
