package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.services.MediaFacts;
import dev.bufferdeck.ui.services.Titles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One buffer as the library shows it; its facts arrive later, from a background parse. */
public final class BufferRow {
    private final MediaBuffer buffer;
    private final ReadOnlyObjectWrapper<MediaFacts> facts;

    public BufferRow(MediaBuffer buffer) {
        this.buffer = buffer;
        this.facts = new ReadOnlyObjectWrapper<>(MediaFacts.untitled(Titles.fromName(buffer.name())));
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
