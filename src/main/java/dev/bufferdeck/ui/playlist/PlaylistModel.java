package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.repository.MediaBuffer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The play queue: entries in order, the one playing, shuffle and repeat, and which entry comes
 * next. Lives on the FX thread.
 */
public final class PlaylistModel {
    private final ObservableList<PlaylistEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PlaylistEntry> current = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<RepeatMode> repeat = new SimpleObjectProperty<>(RepeatMode.OFF);
    private final BooleanProperty shuffle = new SimpleBooleanProperty();
    private final List<PlaylistEntry> shuffleOrder = new ArrayList<>();
    private final Random random;

    public PlaylistModel() {
        this(new Random());
    }

    public PlaylistModel(Random random) {
        this.random = random;
        entries.addListener((ListChangeListener<PlaylistEntry>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && !entries.contains(current.get())) current.set(null);
                shuffleOrder.removeAll(c.getRemoved());
                for (PlaylistEntry added : c.getAddedSubList()) {
                    if (!shuffleOrder.contains(added)) {
                        shuffleOrder.add(shuffleOrder.isEmpty() ? 0 : random.nextInt(shuffleOrder.size() + 1), added);
                    }
                }
            }
        });
        shuffle.addListener((obs, was, on) -> { if (on) reshuffle(); });
    }

    public ObservableList<PlaylistEntry> entries() { return entries; }
    public ReadOnlyObjectProperty<PlaylistEntry> currentProperty() { return current.getReadOnlyProperty(); }
    public PlaylistEntry current() { return current.get(); }
    public ObjectProperty<RepeatMode> repeatProperty() { return repeat; }
    public BooleanProperty shuffleProperty() { return shuffle; }

    public void setCurrent(PlaylistEntry entry) {
        if (entry != null && !entries.contains(entry)) throw new IllegalArgumentException("not in this playlist");
        current.set(entry);
    }

    public PlaylistEntry append(dev.bufferdeck.ui.library.BufferRow row) {
        PlaylistEntry entry = new PlaylistEntry(row);
        entries.add(entry);
        return entry;
    }

    public PlaylistEntry insert(int index, dev.bufferdeck.ui.library.BufferRow row) {
        PlaylistEntry entry = new PlaylistEntry(row);
        entries.add(Math.max(0, Math.min(index, entries.size())), entry);
        return entry;
    }

    /** Moves the entries at {@code indices} so the first of them lands at {@code target}, keeping their order. */
    public void move(Collection<Integer> indices, int target) {
        List<Integer> sorted = indices.stream().distinct().filter(i -> i >= 0 && i < entries.size())
                .sorted().toList();
        if (sorted.isEmpty()) return;
        List<PlaylistEntry> moving = sorted.stream().map(entries::get).toList();
        int before = (int) sorted.stream().filter(i -> i < target).count();
        List<PlaylistEntry> rest = new ArrayList<>(entries);
        rest.removeAll(moving);
        int at = Math.max(0, Math.min(target - before, rest.size()));
        rest.addAll(at, moving);
        PlaylistEntry playing = current.get();
        List<PlaylistEntry> order = List.copyOf(shuffleOrder);
        entries.setAll(rest);
        shuffleOrder.clear();
        shuffleOrder.addAll(order);
        current.set(playing);
    }

    public void remove(Collection<PlaylistEntry> gone) {
        Set<PlaylistEntry> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(gone);
        entries.removeIf(set::contains);
    }

    public void removeBuffer(MediaBuffer buffer) {
        entries.removeIf(e -> e.row().buffer().id() == buffer.id());
    }

    /** The entry the user means by "next". Wraps around only with repeat all. */
    public Optional<PlaylistEntry> next() {
        return step(+1, repeat.get() == RepeatMode.ALL);
    }

    /** The entry the user means by "previous". */
    public Optional<PlaylistEntry> previous() {
        return step(-1, repeat.get() == RepeatMode.ALL);
    }

    /** What plays when the current track ends by itself: the same one with repeat one. */
    public Optional<PlaylistEntry> afterEnd() {
        if (repeat.get() == RepeatMode.ONE && current.get() != null) return Optional.of(current.get());
        return next();
    }

    private Optional<PlaylistEntry> step(int delta, boolean wrap) {
        List<PlaylistEntry> order = shuffle.get() ? shuffleOrder : entries;
        if (order.isEmpty()) return Optional.empty();
        PlaylistEntry playing = current.get();
        if (playing == null) return Optional.of(delta > 0 ? order.get(0) : order.get(order.size() - 1));
        int i = order.indexOf(playing) + delta;
        if (i >= 0 && i < order.size()) return Optional.of(order.get(i));
        return wrap ? Optional.of(order.get(Math.floorMod(i, order.size()))) : Optional.empty();
    }

    /** A new random order, with the playing entry first so the rest all play once. */
    public void reshuffle() {
        shuffleOrder.clear();
        shuffleOrder.addAll(entries);
        Collections.shuffle(shuffleOrder, random);
        PlaylistEntry playing = current.get();
        if (playing != null && shuffleOrder.remove(playing)) shuffleOrder.add(0, playing);
    }

    /** The order shuffle plays in (for tests and the view). */
    public List<PlaylistEntry> shuffleOrder() {
        return List.copyOf(shuffleOrder);
    }

    public int indexOf(PlaylistEntry e) { return entries.indexOf(e); }

}
