package dev.bufferdeck.ui.library;

import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.RepositoryListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The repository mirrored on the FX thread. This is the one place where repository events (which
 * arrive on loader threads) hop to the FX thread; everything on screen reads {@link #rows()}.
 */
public final class LibraryModel {
    private final MediaRepository repository;
    private final FactsReader factsReader;
    private final Executor background;
    private final ObservableList<BufferRow> rows = FXCollections.observableArrayList();
    private final Map<Long, BufferRow> byId = new HashMap<>();
    private final ReadOnlyObjectWrapper<MemoryFigures> memory;
    private final Runnable memoryChangedSoon;

    public LibraryModel(MediaRepository repository, FactsReader factsReader, Executor background) {
        this.repository = repository;
        this.factsReader = factsReader;
        this.background = background;
        this.memory = new ReadOnlyObjectWrapper<>(repository.figures());
        this.memoryChangedSoon = Fx.coalesced(() -> memory.set(repository.figures()));
        repository.addListener(new RepositoryListener() {
            @Override public void added(MediaBuffer buffer) { Fx.run(() -> addRow(buffer)); }
            @Override public void removed(MediaBuffer buffer) { Fx.run(() -> removeRow(buffer)); }
            @Override public void changed(MediaBuffer buffer) { Fx.run(() -> grew(buffer)); }
            @Override public void evicted(MediaBuffer buffer) { Fx.run(() -> row(buffer).ifPresent(BufferRow::refresh)); }
            @Override public void memoryChanged(MemoryFigures figures) { memoryChangedSoon.run(); }
        });
        for (MediaBuffer b : repository.buffers()) Fx.run(() -> addRow(b));
    }

    public ObservableList<BufferRow> rows() { return rows; }
    public ReadOnlyObjectProperty<MemoryFigures> memoryProperty() { return memory.getReadOnlyProperty(); }
    public MediaRepository repository() { return repository; }

    public Optional<BufferRow> row(MediaBuffer buffer) {
        return Optional.ofNullable(byId.get(buffer.id()));
    }

    /** The row for a buffer that was just loaded, made now if the repository event has not arrived yet. */
    public BufferRow rowFor(MediaBuffer buffer) {
        BufferRow row = byId.get(buffer.id());
        return row != null ? row : addRow(buffer);
    }

    /** Pins the row's buffer in memory, or lets the budget take it again. */
    public void pin(BufferRow row, boolean pinned) {
        repository.pin(row.buffer(), pinned);
    }

    /** Frees the buffer's bytes; the row disappears when the repository says so. */
    public void remove(BufferRow row) {
        inBackground(() -> repository.remove(row.buffer()));
    }

    private BufferRow addRow(MediaBuffer buffer) {
        BufferRow existing = byId.get(buffer.id());
        if (existing != null) return existing;
        if (repository.findById(buffer.id()).isEmpty()) return new BufferRow(buffer);
        BufferRow row = new BufferRow(buffer);
        byId.put(buffer.id(), row);
        rows.add(row);
        inBackground(() -> {
            MediaFacts facts = readFacts(buffer);
            Fx.run(() -> row.setFacts(facts));
        });
        return row;
    }

    /** Runs work off the FX thread; once the app has shut its executor, late repository news is dropped. */
    private void inBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException closing) {
            // the window is closing: nothing is shown any more
        }
    }

    private MediaFacts readFacts(MediaBuffer buffer) {
        try {
            return factsReader.read(buffer);
        } catch (RuntimeException e) {
            return MediaFacts.untitled(buffer.name());
        }
    }

    /**
     * A buffer that loads grew or completed, was filled again or pinned: its row follows, and one
     * that just completed is read again for its facts.
     */
    private void grew(MediaBuffer buffer) {
        BufferRow row = byId.get(buffer.id());
        if (row == null) return;
        if (row.refresh() && !buffer.isLive()) {
            inBackground(() -> {
                MediaFacts facts = readFacts(buffer);
                Fx.run(() -> row.setFacts(facts));
            });
        }
    }

    private void removeRow(MediaBuffer buffer) {
        BufferRow row = byId.remove(buffer.id());
        if (row != null) rows.remove(row);
    }

}
