package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.playlist.Playlist;
import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.library.BufferRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
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
 * The play queue as the views see it. Every order, shuffle, repeat and next/previous decision is
 * made by the {@link Playlist} it owns; this class keeps one {@link PlaylistRow} per playlist
 * position in {@link #entries()} (row {@code i} shows playlist entry {@code i}), repeating each edit
 * the playlist made as one list change so selections survive, and mirrors the current entry into
 * {@link #currentProperty()}. Lives on the FX thread.
 */
public final class PlaylistModel {
    private final Playlist playlist;
    private final ObservableList<PlaylistRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PlaylistRow> readOnlyEntries = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<PlaylistRow> current = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Repeat> repeat = new SimpleObjectProperty<>(Repeat.OFF);
    private final BooleanProperty shuffle = new SimpleBooleanProperty();

    public PlaylistModel() {
        this(new Random());
    }

    public PlaylistModel(Random random) {
        playlist = new Playlist(random);
        repeat.addListener((obs, was, mode) -> playlist.setRepeat(mode));
        shuffle.addListener((obs, was, on) -> playlist.setShuffle(on));
    }

    public ObservableList<PlaylistRow> entries() { return readOnlyEntries; }
    public ReadOnlyObjectProperty<PlaylistRow> currentProperty() { return current.getReadOnlyProperty(); }
    public PlaylistRow current() { return current.get(); }
    public ObjectProperty<Repeat> repeatProperty() { return repeat; }
    public BooleanProperty shuffleProperty() { return shuffle; }

    public void setCurrent(PlaylistRow row) {
        int index = row == null ? -1 : indexOf(row);
        if (row != null && index < 0) throw new IllegalArgumentException("not in this playlist");
        playlist.setCurrentIndex(index);
        publishCurrent();
    }

    public PlaylistRow append(BufferRow row) {
        return insert(rows.size(), row);
    }

    public PlaylistRow insert(int index, BufferRow row) {
        return insert(index, new PlaylistRow(row, EntryLocation.of(row.buffer().origin())));
    }

    /**
     * Adds a reference row for each location at {@code index}, in order, in one change (a playlist
     * of ten thousand entries is one insert): each waits for its buffer ({@link #fill}) or a
     * reason it has none ({@link #markUnavailable}).
     */
    public List<PlaylistRow> insertReferences(int index, List<String> locations) {
        int at = Math.max(0, Math.min(index, rows.size()));
        List<PlaylistRow> added = new ArrayList<>(locations.size());
        List<PlaylistEntry> entries = new ArrayList<>(locations.size());
        for (String location : locations) {
            PlaylistRow row = PlaylistRow.loading(location);
            added.add(row);
            entries.add(entryFor(row));
        }
        playlist.insert(at, entries);
        rows.addAll(at, added);
        publishCurrent();
        return added;
    }

    /** Adds a row for {@code location} that waits for its buffer ({@link #fill}) or a reason it has none ({@link #markUnavailable}). */
    public PlaylistRow insertLoading(int index, String location) {
        return insert(index, PlaylistRow.loading(location));
    }

    private PlaylistRow insert(int index, PlaylistRow added) {
        int at = Math.max(0, Math.min(index, rows.size()));
        playlist.insert(at, List.of(entryFor(added)));
        rows.add(at, added);
        publishCurrent();
        return added;
    }

    /** The buffer of a loading or unavailable row arrived: the row keeps its place and becomes playable. */
    public void fill(PlaylistRow entry, BufferRow row) {
        int index = indexOf(entry);
        if (index < 0) return;
        entry.fill(row);
        playlist.replace(index, entryFor(entry));
    }

    /** The row's source cannot be loaded now; it stays, saved as it was, until a retry loads it. */
    public void markUnavailable(PlaylistRow entry, String reason) {
        if (indexOf(entry) >= 0) entry.markUnavailable(reason);
    }

    /** Moves the entries at {@code indices} so they land where a drop before row {@code target} puts them, keeping their order. */
    public void move(Collection<Integer> indices, int target) {
        List<Integer> valid = indices.stream().filter(i -> i >= 0 && i < rows.size()).distinct().sorted().toList();
        if (valid.isEmpty()) return;
        List<Integer> landed = playlist.move(valid, target);
        PlaylistRow[] reordered = new PlaylistRow[rows.size()];
        for (int k = 0; k < valid.size(); k++) reordered[landed.get(k)] = rows.get(valid.get(k));
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (valid.contains(i)) continue;
            while (reordered[next] != null) next++;
            reordered[next] = rows.get(i);
        }
        rows.setAll(reordered);
        publishCurrent();
    }

    public void remove(Collection<PlaylistRow> gone) {
        Set<PlaylistRow> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(gone);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (set.contains(rows.get(i))) indices.add(i);
        removeAt(indices);
    }

    public void removeBuffer(MediaBuffer buffer) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < playlist.size(); i++) if (playlist.get(i).bufferId() == buffer.id()) indices.add(i);
        removeAt(indices);
    }

    public void clear() {
        playlist.clear();
        rows.clear();
        publishCurrent();
    }

    /** The entry the user means by "next" (see {@link Playlist#next()}); nothing moves until it is played. */
    public Optional<PlaylistRow> next() {
        return playlist.peekNextIndex().map(rows::get);
    }

    /** The entry the user means by "previous" (see {@link Playlist#previous()}). */
    public Optional<PlaylistRow> previous() {
        return playlist.peekPreviousIndex().map(rows::get);
    }

    /** What plays when the current track ends by itself (see {@link Playlist#nextAtEndOfTrack()}). */
    public Optional<PlaylistRow> afterEnd() {
        return playlist.peekIndexAtEndOfTrack().map(rows::get);
    }

    /** The order shuffle plays in (for tests and the view). */
    public List<PlaylistRow> shuffleOrder() {
        return playlist.playOrder().stream().map(rows::get).toList();
    }

    public int indexOf(PlaylistRow row) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i) == row) return i;
        return -1;
    }

    private void removeAt(List<Integer> indices) {
        if (indices.isEmpty()) return;
        Set<PlaylistRow> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i : indices) gone.add(rows.get(i));
        playlist.remove(indices);
        rows.removeAll(gone);
        publishCurrent();
    }

    private static PlaylistEntry entryFor(PlaylistRow entry) {
        BufferRow row = entry.row();
        if (row == null) return PlaylistEntry.unloaded(entry.location() == null ? "" : entry.location(), entry.title(), -1);
        return new PlaylistEntry(row.buffer().id(), row.buffer().origin().describe(), row.title(), row.durationMillis());
    }

    private void publishCurrent() {
        int index = playlist.currentIndex();
        current.set(index < 0 ? null : rows.get(index));
    }
}
