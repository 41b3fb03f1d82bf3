package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.playlist.Playlist;
import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.playlist.PlaylistListener;
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
import java.util.TreeSet;

/**
 * The play queue as the views see it: an observable adapter over the {@link Playlist} it owns.
 * Every order, shuffle, repeat and next/previous decision is the playlist's. {@link #entries()}
 * shows one {@link PlaylistRow} per playlist entry, row {@code i} for entry {@code i}: each edit is
 * made here, to the playlist and then the same way to the rows, as one list change (so selections
 * survive) whose cost grows with what changed, not with the length of the list. {@link
 * #currentProperty()}, {@link #repeatProperty()} and {@link #shuffleProperty()} show the playlist's
 * state. Lives on the FX thread.
 */
public final class PlaylistModel {
    private final Playlist playlist;
    /** True while an edit has changed the playlist but not yet the rows: the current row is shown after both. */
    private boolean editing;
    private final ObservableList<PlaylistRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PlaylistRow> readOnlyEntries = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<PlaylistRow> current = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Repeat> repeat = new SimpleObjectProperty<>(Repeat.OFF);
    private final BooleanProperty shuffle = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(Shown.NONE);

    /** The rows a view shows now, {@code first} to {@code last} inclusive; {@link #NONE} when no view shows any. */
    public record Shown(int first, int last) {
        public static final Shown NONE = new Shown(0, -1);
    }

    public PlaylistModel() {
        this(new Random());
    }

    public PlaylistModel(Random random) {
        playlist = new Playlist(random);
        playlist.addListener((list, change) -> {
            switch (change) {
                case ENTRIES, CURRENT -> {
                    if (!editing) showCurrent();
                }
                case SHUFFLE -> shuffle.set(list.isShuffle());
                case REPEAT -> repeat.set(list.repeat());
            }
        });
        repeat.addListener((obs, was, mode) -> playlist.setRepeat(mode));
        shuffle.addListener((obs, was, on) -> playlist.setShuffle(on));
    }

    public ObservableList<PlaylistRow> entries() { return readOnlyEntries; }
    public ReadOnlyObjectProperty<PlaylistRow> currentProperty() { return current.getReadOnlyProperty(); }
    public PlaylistRow current() { return current.get(); }
    /** The playlist's repeat mode: setting it sets the playlist's. */
    public ObjectProperty<Repeat> repeatProperty() { return repeat; }
    /** Whether the playlist shuffles: setting it sets the playlist's. */
    public BooleanProperty shuffleProperty() { return shuffle; }

    /** The rows the playlist's view shows now (it says so as it scrolls): their facts are read first. */
    public ReadOnlyObjectProperty<Shown> shownProperty() { return shown.getReadOnlyProperty(); }

    public void showing(int first, int last) {
        Shown now = new Shown(first, last);
        if (!now.equals(shown.get())) shown.set(now);
    }

    public void setCurrent(PlaylistRow row) {
        int index = row == null ? -1 : indexOf(row);
        if (row != null && index < 0) throw new IllegalArgumentException("not in this playlist");
        playlist.setCurrentIndex(index);
    }

    public PlaylistRow append(BufferRow row) {
        return insert(rows.size(), row);
    }

    public PlaylistRow insert(int index, BufferRow row) {
        return insert(index, new PlaylistRow(row, EntryLocation.of(row.buffer().origin())));
    }

    /** A row for each buffer at {@code index}, in order, in one change. */
    public List<PlaylistRow> insertAll(int index, List<BufferRow> buffers) {
        return insertRows(index, buffers.stream().map(b -> new PlaylistRow(b, EntryLocation.of(b.buffer().origin()))).toList());
    }

    /**
     * Adds a reference row for each location at {@code index}, in order, in one change (a playlist
     * of ten thousand entries is one insert): each waits for its buffer ({@link #fill}) or a
     * reason it has none ({@link #markUnavailable}).
     */
    public List<PlaylistRow> insertReferences(int index, List<String> locations) {
        return insertListed(index, locations.stream().map(PlaylistEntry::at).toList());
    }

    /** The same for the entries of a playlist file: each shows the file's title and length until it loads. */
    public List<PlaylistRow> insertListed(int index, List<PlaylistEntry> listed) {
        return insertRows(index, listed.stream().map(PlaylistRow::listed).toList());
    }

    /** Adds a row for {@code location} that waits for its buffer ({@link #fill}) or a reason it has none ({@link #markUnavailable}). */
    public PlaylistRow insertLoading(int index, String location) {
        return insert(index, PlaylistRow.loading(location));
    }

    private PlaylistRow insert(int index, PlaylistRow added) {
        return insertRows(index, List.of(added)).get(0);
    }

    private List<PlaylistRow> insertRows(int index, List<PlaylistRow> added) {
        int at = Math.max(0, Math.min(index, rows.size()));
        List<PlaylistEntry> entries = new ArrayList<>(added.size());
        for (PlaylistRow row : added) entries.add(entryFor(row));
        if (!added.isEmpty()) edit(() -> playlist.insert(at, entries), () -> rows.addAll(at, added));
        return added;
    }

    /** The buffer of a loading or unavailable row arrived: the row keeps its place and becomes playable. */
    public void fill(PlaylistRow entry, BufferRow row) {
        int index = indexOf(entry);
        if (index < 0) return;
        entry.fill(row);
        // the row stays the same object: its cells follow its properties, the list does not change
        PlaylistEntry filled = entryFor(entry);
        edit(() -> playlist.replace(index, filled), () -> { });
    }

    /** The row's source cannot be loaded now; it stays, saved as it was, until a retry loads it. */
    public void markUnavailable(PlaylistRow entry, String reason) {
        if (indexOf(entry) >= 0) entry.markUnavailable(reason);
    }

    /** Moves the entries at {@code indices} so they land where a drop before row {@code target} puts them, keeping their order. */
    public void move(Collection<Integer> indices, int target) {
        List<List<Integer>> landed = new ArrayList<>(1);
        edit(() -> landed.add(playlist.move(indices, target)), () -> {
            if (landed.get(0).isEmpty()) return;
            // the playlist's move, made on the rows: the others keep their order, the moved ones land as one run
            TreeSet<Integer> moved = new TreeSet<>(indices);
            List<PlaylistRow> after = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) if (!moved.contains(i)) after.add(rows.get(i));
            after.addAll(landed.get(0).get(0), moved.stream().map(rows::get).toList());
            for (int i = 0; i < after.size(); i++) {
                if (after.get(i) != rows.get(i)) {
                    rows.setAll(after);
                    return;
                }
            }
        });
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

    /** Removes the rows at {@code indices} (ascending) and their entries, as one change. */
    private void removeAt(List<Integer> indices) {
        if (indices.isEmpty()) return;
        Set<PlaylistRow> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i : indices) gone.add(rows.get(i));
        edit(() -> playlist.remove(indices), () -> rows.removeAll(gone));
    }

    public void clear() {
        edit(playlist::clear, rows::clear);
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

    public int indexOf(PlaylistRow row) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i) == row) return i;
        return -1;
    }

    /** The playlist's entry for {@code row}. */
    private static PlaylistEntry entryFor(PlaylistRow row) {
        BufferRow buffer = row.row();
        return buffer == null
                ? PlaylistEntry.unloaded(row.location() == null ? "" : row.location(), row.title(), -1)
                : new PlaylistEntry(buffer.buffer().id(), buffer.buffer().origin().describe(), buffer.title(), buffer.durationMillis());
    }

    /**
     * Makes one edit: {@code onPlaylist} changes the playlist, then {@code onRows} the rows the same
     * way; the current row is shown once both agree (the playlist tells its news while it edits).
     */
    private void edit(Runnable onPlaylist, Runnable onRows) {
        editing = true;
        try {
            onPlaylist.run();
        } finally {
            editing = false;
        }
        onRows.run();
        showCurrent();
    }

    private void showCurrent() {
        int index = playlist.currentIndex();
        current.set(index < 0 ? null : rows.get(index));
    }
}
