package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.MediaBuffer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One buffer as the library shows it; its facts arrive later, from a background parse. A buffer
 * still loading grows: its size and digest column follow it ({@link #refresh}).
 */
public final class BufferRow {
    private final MediaBuffer buffer;
    private final ReadOnlyObjectWrapper<MediaFacts> facts;
    private final ReadOnlyLongWrapper size = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper digest = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Residence> residence = new ReadOnlyObjectWrapper<>();
    private boolean complete;

    public BufferRow(MediaBuffer buffer) {
        this.buffer = buffer;
        this.facts = new ReadOnlyObjectWrapper<>(MediaFacts.untitled(Titles.fromName(buffer.name())));
        refresh();
    }

    /** In memory, a reference (its bytes let go to make room) or pinned; follows the repository. */
    public ReadOnlyObjectProperty<Residence> residenceProperty() { return residence.getReadOnlyProperty(); }
    public Residence residence() { return residence.get(); }

    /** Bytes of the source: grows while the buffer loads, and is kept while it is a reference. */
    public ReadOnlyLongProperty sizeProperty() { return size.getReadOnlyProperty(); }

    /** The SHA-256, or what the buffer is doing until it has one ("loading 42%", "live stream"). */
    public ReadOnlyStringProperty digestProperty() { return digest.getReadOnlyProperty(); }

    /** Reads the buffer's size and state again (FX thread); true when it completed since the last look. */
    boolean refresh() {
        size.set(buffer.sourceSize());
        residence.set(Residence.of(buffer));
        String sha = buffer.sha256();
        boolean completedNow = !complete && buffer.isComplete();
        complete = buffer.isComplete();
        digest.set(!sha.isEmpty() ? sha : buffer.isLive() ? "live stream" : loading(buffer));
        return completedNow;
    }

    /** "loading 42%" when the length is known, else "loading". */
    private static String loading(MediaBuffer buffer) {
        long total = buffer.expectedSize();
        return total > 0 ? "loading " + Math.min(99, buffer.size() * 100 / total) + "%" : "loading";
    }

    public MediaBuffer buffer() { return buffer; }
    public MediaFacts facts() { return facts.get(); }
    public ReadOnlyObjectProperty<MediaFacts> factsProperty() { return facts.getReadOnlyProperty(); }
    public String title() { return facts.get().title(); }
    public long durationMillis() { return facts.get().durationMillis(); }

    void setFacts(MediaFacts value) { facts.set(value); }

    @Override
    public String toString() { return buffer.name(); }
}
