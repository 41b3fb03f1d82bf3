package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.playlist.PlaylistEntry;
import dev.bufferdeck.repository.UrlRedaction;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.DisplayText;
import dev.bufferdeck.ui.library.MediaFacts;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

import java.util.Map;

/**
 * One line of the playlist table. Each row is its own object, so the same buffer listed twice is
 * two rows. A row read from the session or a playlist file first only knows where its bytes are
 * ({@link #location()}): it is <em>loading</em> until its buffer arrives, or <em>unavailable</em>
 * (with the reason) when it could not be loaded; it keeps its place either way and is saved as it
 * was. Order and play decisions live in {@link dev.bufferdeck.playlist.Playlist}.
 */
public final class PlaylistRow {
    private final String location;
    private final ReadOnlyObjectWrapper<BufferRow> row = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<MediaFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<MediaFacts> followFacts = (o, a, f) -> facts.set(f);
    private final ReadOnlyBooleanWrapper estimated = new ReadOnlyBooleanWrapper();
    /** True while this reference's length and tags are still to be read from its file (FX thread). */
    private boolean factsWanted;

    /** A row of a loaded buffer; {@code location} is where it can be found again, or null for dropped data. */
    public PlaylistRow(BufferRow row, String location) {
        this.location = UrlRedaction.redact(location); // what the session saves never holds a password
        fill(row);
    }

    /** A row whose buffer is still loading from {@code location}. */
    public static PlaylistRow loading(String location) {
        return listed(PlaylistEntry.at(location));
    }

    /** A row waiting for its buffer, showing the title and length a playlist file gave it until it loads. */
    public static PlaylistRow listed(PlaylistEntry entry) {
        PlaylistRow r = new PlaylistRow(null, entry.origin());
        r.facts.set(new MediaFacts(DisplayText.safe(entry.displayTitle()), "", "", "", entry.durationMillis(), null, Map.of()));
        r.factsWanted = entry.durationMillis() < 0 || entry.title().isBlank();
        return r;
    }

    /** The library row, or null while loading or unavailable. */
    public BufferRow row() { return row.get(); }
    public ReadOnlyObjectProperty<BufferRow> rowProperty() { return row.getReadOnlyProperty(); }
    /** Where the bytes come from (a path, a URL, the demo clip), or null for dropped data. */
    public String location() { return location; }
    /** Why the row cannot be loaded now, or null. */
    public String problem() { return problem.get(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The facts of the buffer, or a title made from the location while there is none. */
    public ReadOnlyObjectProperty<MediaFacts> factsProperty() { return facts.getReadOnlyProperty(); }

    /** True when the entry's bytes are in memory: it has a buffer, and the repository has not let it go. */
    public boolean isLoaded() {
        BufferRow r = row.get();
        return r != null && r.buffer().isResident();
    }

    /**
     * True for an entry known by its location only, or whose buffer was let go to make room: it is
     * loaded when its turn comes (or the user opens it).
     */
    public boolean isReference() { return !isLoaded() && problem.get() == null && location != null; }
    public boolean isUnavailable() { return problem.get() != null; }
    public String title() { return facts.get().title(); }
    public long durationMillis() { return facts.get().durationMillis(); }

    /** True when the duration shown is an estimate from the file's size (read before it loaded). */
    public boolean isEstimated() { return estimated.get(); }
    public ReadOnlyBooleanProperty estimatedProperty() { return estimated.getReadOnlyProperty(); }

    /** True for a reference whose length and tags have not been read from its file yet. */
    boolean wantsFacts() { return factsWanted && row.get() == null && problem.get() == null && location != null; }

    /** What a look at the reference's file found ({@code read} null: nothing could be read); its buffer's facts replace them once it loads. */
    void showReadFacts(MediaFacts read, boolean estimate) {
        factsWanted = false;
        if (read == null || row.get() != null) return;
        facts.set(read);
        estimated.set(estimate);
    }

    /** Why this entry cannot play: unavailable, or a buffer the decoders refuse; null when it may play. */
    public String whyNotPlayable() {
        if (problem.get() != null) return problem.get();
        BufferRow r = row.get();
        return r == null ? null : r.facts().unplayable();
    }

    /** What the Origin column shows. */
    public String originText() {
        BufferRow r = row.get();
        return r != null ? r.buffer().origin().describe() : location;
    }

    void fill(BufferRow loaded) {
        BufferRow old = row.get();
        if (old != null) old.factsProperty().removeListener(followFacts);
        row.set(loaded);
        if (loaded != null) {
            problem.set(null);
            factsWanted = false;
            estimated.set(false);
            loaded.factsProperty().addListener(followFacts);
            facts.set(loaded.facts());
        }
    }

    void markUnavailable(String reason) {
        problem.set(reason);
    }

    @Override
    public String toString() { return title(); }
}
