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
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The play queue as the views see it: an observable adapter over the {@link Playlist} it owns.
 * Every order, shuffle, repeat and next/previous decision is the playlist's; this class only
 * answers the playlist's {@link PlaylistListener} news: {@link #entries()} shows one
 * {@link PlaylistRow} per playlist entry (an edit the playlist made is one list change, so
 * selections survive), and {@link #currentProperty()}, {@link #repeatProperty()} and
 * {@link #shuffleProperty()} show its state. Lives on the FX thread.
 */
public final class PlaylistModel {
    private final Playlist playlist;
    /** The row that shows each entry the playlist holds (entries are told apart by identity). */
    private Map<PlaylistEntry, PlaylistRow> rowOf = new IdentityHashMap<>();
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
                case ENTRIES -> {
                    showEntries();
                    showCurrent();
                }
                case CURRENT -> showCurrent();
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
        int at = Math.max(0, Math.min(index, rows.size()));
        List<PlaylistRow> added = new ArrayList<>(listed.size());
        List<PlaylistEntry> entries = new ArrayList<>(listed.size());
        for (PlaylistEntry known : listed) {
            PlaylistRow row = PlaylistRow.listed(known);
            added.add(row);
            entries.add(entryFor(row));
        }
        playlist.insert(at, entries);
        return added;
    }

    /** Adds a row for {@code location} that waits for its buffer ({@link #fill}) or a reason it has none ({@link #markUnavailable}). */
    public PlaylistRow insertLoading(int index, String location) {
        return insert(index, PlaylistRow.loading(location));
    }

    private PlaylistRow insert(int index, PlaylistRow added) {
        playlist.insert(index, List.of(entryFor(added)));
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
        playlist.move(indices, target);
    }

    public void remove(Collection<PlaylistRow> gone) {
        Set<PlaylistRow> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(gone);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) if (set.contains(rows.get(i))) indices.add(i);
        playlist.remove(indices);
    }

    public void removeBuffer(MediaBuffer buffer) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < playlist.size(); i++) if (playlist.get(i).bufferId() == buffer.id()) indices.add(i);
        playlist.remove(indices);
    }

    public void clear() {
        playlist.clear();
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

    /** The entry for {@code row}, remembered as shown by it. */
    private PlaylistEntry entryFor(PlaylistRow row) {
        BufferRow buffer = row.row();
        PlaylistEntry entry = buffer == null
                ? PlaylistEntry.unloaded(row.location() == null ? "" : row.location(), row.title(), -1)
                : new PlaylistEntry(buffer.buffer().id(), buffer.buffer().origin().describe(), buffer.title(), buffer.durationMillis());
        rowOf.put(entry, row);
        return entry;
    }

    /**
     * Brings the rows in line with the playlist's entries as one list change: rows of removed
     * entries go, rows of new entries are put in their places, and a reorder replaces the list.
     */
    private void showEntries() {
        Map<PlaylistEntry, PlaylistRow> shown = new IdentityHashMap<>();
        List<PlaylistRow> target = new ArrayList<>(playlist.size());
        for (PlaylistEntry e : playlist.entries()) {
            PlaylistRow row = rowOf.get(e);
            shown.put(e, row);
            target.add(row);
        }
        rowOf = shown;
        Set<PlaylistRow> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(target);
        List<PlaylistRow> gone = rows.stream().filter(r -> !kept.contains(r)).toList();
        if (!gone.isEmpty()) rows.removeAll(gone);
        if (!insertMissing(target)) rows.setAll(target);
    }

    /** Inserts the rows of {@code target} that are missing, when the others are already in its order; false when they are not. */
    private boolean insertMissing(List<PlaylistRow> target) {
        Set<PlaylistRow> present = Collections.newSetFromMap(new IdentityHashMap<>());
        present.addAll(rows);
        int j = 0;
        for (PlaylistRow r : target) {
            if (!present.contains(r)) continue;
            if (rows.get(j++) != r) return false;
        }
        // each run of new rows goes in as one change: a playlist of ten thousand is one insert for the views
        for (int i = 0; i < target.size(); ) {
            if (present.contains(target.get(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < target.size() && !present.contains(target.get(end))) end++;
            rows.addAll(i, target.subList(i, end));
            i = end;
        }
        return true;
    }

    private void showCurrent() {
        int index = playlist.currentIndex();
        current.set(index < 0 ? null : rows.get(index));
    }
}
