package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.threads.ThreadPriority;
import dev.bufferdeck.ui.library.ReferenceFactsReader.ReferenceFacts;
import dev.bufferdeck.ui.thread.Fx;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Reads the length and tags of the playlist's references in the background, the rows a view
 * shows first ({@link PlaylistModel#shownProperty()}), then the rows after them, then those before.
 * One daemon thread reads one file at a time; at most {@value #ASKED} rows are asked for at once,
 * and a scroll takes back the ones not started. What was read comes to the FX thread in batches:
 * one hop for all the answers that arrived since the last. URLs are not contacted.
 */
public final class ReferenceFactsQueue {
    /** What reads one reference; null for a location that is not a local file. */
    @FunctionalInterface
    public interface Reader {
        ReferenceFacts read(String location) throws Exception;
    }

    static final int ASKED = 32;

    private record Ask(PlaylistRow row, String location) {}

    private record Answer(PlaylistRow row, ReferenceFacts facts) {}

    private final PlaylistModel playlist;
    private final Reader reader;
    private final BlockingDeque<Ask> waiting = new LinkedBlockingDeque<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Runnable deliver = Fx.coalesced(this::deliver);
    /** Rows waiting or being read (FX thread). */
    private final Set<PlaylistRow> asked = Collections.newSetFromMap(new IdentityHashMap<>());
    /** How far {@link #askMore()} has looked since the rows or the view last changed, counted from the first row shown. */
    private int looked;
    /** True when the last look went through every row. */
    private boolean lookedAtEvery;
    /** Rows looked at since this queue began: the FX thread's work here (tests read it). */
    private long rowsLookedAt;
    private final Thread worker = ThreadPriority.lowDaemon(this::work, "reference-facts");

    public ReferenceFactsQueue(PlaylistModel playlist, Reader reader) {
        this.playlist = playlist;
        this.reader = reader;
        worker.start();
        playlist.entries().addListener((ListChangeListener<PlaylistRow>) this::rowsChanged);
        playlist.shownProperty().addListener((o, a, b) -> lookAgain(true));
        lookAgain(false);
    }

    long rowsLookedAt() { return rowsLookedAt; }

    /** Stops reading. */
    public void close() {
        worker.interrupt();
    }

    /**
     * A row that wants no facts never wants them again: once every row was looked at, a change that
     * adds none that wants facts (a thousand loaded buffers appended one by one) needs no new look.
     */
    private void rowsChanged(ListChangeListener.Change<? extends PlaylistRow> c) {
        boolean wanting = false;
        while (c.next() && !wanting) {
            for (PlaylistRow added : c.getAddedSubList()) {
                if (added.wantsFacts()) {
                    wanting = true;
                    break;
                }
            }
        }
        if (!wanting && lookedAtEvery) looked = playlist.entries().size();
        else lookAgain(false);
    }

    /** The rows or the view changed: look from the first row shown again; after a scroll the rows not yet started wait their new turn. */
    private void lookAgain(boolean reorder) {
        if (reorder) {
            List<Ask> back = new ArrayList<>();
            waiting.drainTo(back);
            back.forEach(a -> asked.remove(a.row()));
        }
        looked = 0;
        askMore();
    }

    private void askMore() {
        List<PlaylistRow> rows = playlist.entries();
        int n = rows.size();
        int from = Math.max(0, Math.min(playlist.shownProperty().get().first(), n));
        while (asked.size() < ASKED && looked < n) {
            PlaylistRow row = rows.get((from + looked++) % n);
            rowsLookedAt++;
            if (row.wantsFacts() && asked.add(row)) waiting.add(new Ask(row, row.location()));
        }
        lookedAtEvery = looked >= n;
    }

    private void deliver() {
        Answer a;
        while ((a = answers.poll()) != null) {
            asked.remove(a.row());
            a.row().showReadFacts(a.facts() == null ? null : a.facts().facts(), a.facts() != null && a.facts().estimated());
        }
        askMore();
    }

    private void work() {
        while (true) {
            Ask ask;
            try {
                ask = waiting.take();
            } catch (InterruptedException e) {
                return;
            }
            ReferenceFacts facts;
            try {
                facts = reader.read(ask.location());
            } catch (Exception e) { // a file gone or unreadable: its turn to load says why
                facts = null;
            }
            answers.add(new Answer(ask.row(), facts));
            deliver.run();
        }
    }
}
