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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The repository mirrored on the FX thread. This is the one place where repository events (which
 * arrive on loader threads) hop to the FX thread; everything on screen reads {@link #rows()}.
 * Buffers added while the FX thread is busy (an import of a thousand entries) become rows in one
 * change of {@link #rows()}, and facts read meanwhile are shown in one turn, so the table sorts
 * and lays out once per batch instead of once per row.
 */
public final class LibraryModel {
    private final MediaRepository repository;
    private final FactsReader factsReader;
    private final Executor background;
    private final ObservableList<BufferRow> rows = FXCollections.observableArrayList();
    private final Map<Long, BufferRow> byId = new HashMap<>();
    private final ReadOnlyObjectWrapper<MemoryFigures> memory;
    private final Runnable memoryChangedSoon;
    private final Queue<MediaBuffer> arriving = new ConcurrentLinkedQueue<>();
    private final Runnable addArrivingSoon = Fx.coalesced(this::addArriving);
    private final Queue<Runnable> factsRead = new ConcurrentLinkedQueue<>();
    private final Runnable showFactsSoon = Fx.coalesced(this::showFacts);
    /** Buffers that grew, completed, were filled again or pinned since the last pulse: their rows follow once per pulse. */
    private final Set<MediaBuffer> grown = ConcurrentHashMap.newKeySet();
    private final Runnable showGrowthSoon = Fx.perPulse(this::showGrowth);

    public LibraryModel(MediaRepository repository, FactsReader factsReader, Executor background) {
        this.repository = repository;
        this.factsReader = factsReader;
        this.background = background;
        this.memory = new ReadOnlyObjectWrapper<>(repository.figures());
        this.memoryChangedSoon = Fx.perPulse(() -> memory.set(repository.figures()));
        repository.addListener(new RepositoryListener() {
            @Override public void added(MediaBuffer buffer) { arrive(buffer); }
            @Override public void removed(MediaBuffer buffer) { Fx.run(() -> removeRow(buffer)); }
            @Override public void changed(MediaBuffer buffer) {
                grown.add(buffer);
                showGrowthSoon.run();
            }
            @Override public void evicted(MediaBuffer buffer) { Fx.run(() -> row(buffer).ifPresent(BufferRow::refresh)); }
            @Override public void memoryChanged(MemoryFigures figures) { memoryChangedSoon.run(); }
        });
        for (MediaBuffer b : repository.buffers()) arrive(b);
    }

    private void arrive(MediaBuffer buffer) {
        arriving.add(buffer);
        addArrivingSoon.run();
    }

    /** The buffers that arrived since the last turn, as rows in one list change. */
    private void addArriving() {
        List<BufferRow> batch = new ArrayList<>();
        for (MediaBuffer b; (b = arriving.poll()) != null; ) {
            BufferRow row = newRow(b);
            if (row != null) batch.add(row);
        }
        rows.addAll(batch);
        readFactsFor(batch);
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
        if (row == null && !arriving.isEmpty()) {
            addArriving();
            row = byId.get(buffer.id());
        }
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
        BufferRow row = newRow(buffer);
        rows.add(row);
        readFactsFor(List.of(row));
        return row;
    }

    /** A row for a buffer not yet listed, or null when it is listed or gone. */
    private BufferRow newRow(MediaBuffer buffer) {
        if (byId.containsKey(buffer.id()) || repository.findById(buffer.id()).isEmpty()) return null;
        BufferRow row = new BufferRow(buffer);
        byId.put(buffer.id(), row);
        return row;
    }

    /** Tasks a batch's facts are read in: as many as the background pool has threads. */
    static final int FACTS_TASKS = 2;

    /**
     * Reads the rows' facts in the background, in at most {@link #FACTS_TASKS} tasks for the batch
     * (each row shows its facts as they are read): a task per row cost the FX thread a queue hand-over
     * and a thread wake-up each (tens of µs on a virtual machine), twice per URL loaded: as its row
     * arrived and as it completed, and the loads of a thousand URLs complete several to a pulse (issue 14).
     */
    private void readFactsFor(List<BufferRow> batch) {
        int tasks = Math.min(FACTS_TASKS, batch.size());
        for (int t = 0; t < tasks; t++) {
            int first = t;
            inBackground(() -> {
                for (int i = first; i < batch.size(); i += tasks) {
                    BufferRow row = batch.get(i);
                    MediaFacts facts = readFacts(row.buffer());
                    factsRead.add(() -> row.setFacts(facts));
                    showFactsSoon.run();
                }
            });
        }
    }

    private void showFacts() {
        for (Runnable r; (r = factsRead.poll()) != null; ) r.run();
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

    private void showGrowth() {
        List<BufferRow> completed = new ArrayList<>();
        for (Iterator<MediaBuffer> it = grown.iterator(); it.hasNext(); ) {
            MediaBuffer buffer = it.next();
            it.remove();
            BufferRow row = grew(buffer);
            if (row != null) completed.add(row);
        }
        readFactsFor(completed);
    }

    /**
     * A buffer that loads grew or completed, was filled again or pinned: its row follows, and one
     * that just completed is returned, to be read again for its facts (else null).
     */
    private BufferRow grew(MediaBuffer buffer) {
        BufferRow row = byId.get(buffer.id());
        if (row == null) return null;
        return row.refresh() && !buffer.isLive() ? row : null;
    }

    private void removeRow(MediaBuffer buffer) {
        BufferRow row = byId.remove(buffer.id());
        if (row != null) rows.remove(row);
    }

}
