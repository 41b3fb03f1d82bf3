package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.AddResult;
import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.source.Cancellation;
import dev.bufferdeck.source.DropPayload;
import dev.bufferdeck.source.LiveRecorder;
import dev.bufferdeck.source.LoadEvents;
import dev.bufferdeck.source.LoadException;
import dev.bufferdeck.source.LoadOutcome;
import dev.bufferdeck.source.LoadProgress;
import dev.bufferdeck.source.SourceLoader;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.thread.Fx;
import java.io.IOException;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs loads on their own pool (a thread per batch: a download or a radio stream that lasts never
 * holds up the parsing on the shared pool) and lists those in progress. A batch loads one item after
 * the other so its buffers arrive in the order given (a drop onto the playlist, the command line).
 */
public final class Loads {
    private final SourceLoader loader;
    private final SourceExpansion expansion;
    private final MediaRepository repository;
    private final ExecutorService pool;
    private final Notifier notifier;
    private final ObservableList<LoadJob> active = FXCollections.observableArrayList();
    private final ActiveListing listing = new ActiveListing(active);

    public Loads(SourceLoader loader, ExecutorService pool, Notifier notifier) {
        this.loader = loader;
        this.repository = loader.repository();
        this.expansion = new SourceExpansion(loader::expand, loader::load, repository);
        this.pool = pool;
        this.notifier = notifier;
    }

    /** Loads in progress (FX thread). */
    public ObservableList<LoadJob> active() { return active; }

    /**
     * Loads each request in order; {@code loaded} receives each buffer on the FX thread, in order.
     * Each failure is notified as it happens.
     */
    public void load(List<? extends LoadRequest> requests, Consumer<MediaBuffer> loaded) {
        load(requests, loaded, null);
    }

    /**
     * Like {@link #load(List, Consumer)}, but when {@code failures} is given the failures are not
     * notified one by one: their messages are handed to it once, on the FX thread, after the batch
     * (empty when all loaded).
     */
    public void load(List<? extends LoadRequest> requests, Consumer<MediaBuffer> loaded, Consumer<List<String>> failures) {
        loadTogether(requests, buffers -> buffers.forEach(loaded), failures);
    }

    /**
     * Like {@link #load(List, Consumer, Consumer)}, but the buffers that arrive between two pulses
     * are handed over together, in order, once per pulse: a thousand small URLs become a few dozen
     * list changes, not a thousand. {@code failures} (when given) comes after the last of them.
     */
    public void loadTogether(List<? extends LoadRequest> requests, Consumer<List<MediaBuffer>> arrived,
                             Consumer<List<String>> failures) {
        Queue<MediaBuffer> arriving = new ConcurrentLinkedQueue<>();
        AtomicReference<List<String>> finished = new AtomicReference<>();
        Runnable handOver = Fx.perPulse(() -> {
            // read first: once the batch has finished, every buffer it loaded is in the queue
            List<String> failed = finished.getAndSet(null);
            List<MediaBuffer> batch = new ArrayList<>();
            for (MediaBuffer b; (b = arriving.poll()) != null; ) batch.add(b);
            if (!batch.isEmpty()) arrived.accept(batch);
            if (failed != null && failures != null) failures.accept(failed);
        });
        pool.execute(() -> {
            List<String> failed = new ArrayList<>();
            List<String> collect = failures == null ? null : failed;
            loadInOrder(expand(requests, collect), (i, buffer) -> {
                arriving.add(buffer);
                handOver.run();
            }, (i, message) -> report(message, collect), failures == null);
            finished.set(List.copyOf(failed));
            handOver.run();
        });
    }

    /**
     * What requests stand for, folders and playlists replaced by the sources in them, found on the
     * pool (it lists folders and reads playlists): {@code then} gets them on the FX thread, with a
     * line for each folder or playlist that gave nothing.
     */
    public void expand(List<? extends LoadRequest> requests, BiConsumer<List<LoadRequest>, List<String>> then) {
        pool.execute(() -> {
            List<String> problems = new ArrayList<>();
            List<LoadRequest> found = expand(requests, problems);
            Platform.runLater(() -> then.accept(found, List.copyOf(problems)));
        });
    }

    /**
     * Loads each request in order, as it is (folders are not expanded): {@code loaded} gets the
     * request's index and its buffer, {@code failed} its index and the reason, both on the FX thread.
     */
    public void loadEach(List<? extends LoadRequest> requests, BiConsumer<Integer, MediaBuffer> loaded,
                         BiConsumer<Integer, String> failed) {
        pool.execute(() -> loadInOrder(requests, (i, buffer) -> Platform.runLater(() -> loaded.accept(i, buffer)),
                (i, message) -> Platform.runLater(() -> failed.accept(i, message)), false));
    }

    /** Keeps what a live buffer's window holds now as an ordinary buffer; {@code kept} gets it on the FX thread. */
    public void keepWindow(MediaBuffer live, Consumer<MediaBuffer> kept) {
        pool.execute(() -> {
            try {
                MediaBuffer buffer = repository.record(live).buffer();
                Platform.runLater(() -> kept.accept(buffer));
            } catch (BudgetExceededException | IOException | RuntimeException e) {
                notifier.error(live.name() + ": could not keep the window: " + e.getMessage());
            }
        });
    }

    /**
     * On the pool: each request in turn; {@code loaded} and {@code failed} are called on the pool
     * thread. A URL's buffer is handed to {@code loaded} at its first bytes, so that it plays while the rest arrives (and a
     * live stream while it lasts); the next request starts when this one has every byte.
     */
    private void loadInOrder(List<? extends LoadRequest> requests, BiConsumer<Integer, MediaBuffer> loaded,
                             BiConsumer<Integer, String> failed, boolean tellDuplicates) {
        for (int i = 0; i < requests.size(); i++) {
            LoadRequest request = requests.get(i);
            int index = i;
            LoadJob job = new LoadJob(request.label());
            listing.began(job);
            AtomicReference<MediaBuffer> early = new AtomicReference<>();
            LoadEvents events = new LoadEvents() {
                @Override public void started(MediaBuffer buffer) {
                    early.set(buffer);
                    loaded.accept(index, buffer);
                }
                @Override public void notice(String message) { notifier.info(message); }
            };
            try {
                AddResult result = run(request, job, events);
                if (result.duplicate() && tellDuplicates) notifier.info(result.buffer().name() + " is already in the library");
                // a buffer listed early that turned out to hold bytes already there was dropped for that one
                if (result.buffer() != early.get()) loaded.accept(index, result.buffer());
            } catch (LoadException e) {
                failed.accept(index, e.getMessage());
            } catch (RuntimeException e) {
                failed.accept(index, request.label() + ": " + e);
            } finally {
                listing.ended(job);
            }
        }
    }

    private void report(String message, List<String> collect) {
        if (collect == null) notifier.error(message); else collect.add(message);
    }

    private List<LoadRequest> expand(List<? extends LoadRequest> requests, List<String> collect) {
        List<LoadRequest> out = new ArrayList<>();
        for (LoadRequest r : requests) {
            if (r instanceof LoadRequest.Source s) {
                SourceExpansion.Result found = expansion.expand(s.pathOrUrl());
                found.problems().forEach(problem -> report(problem, collect));
                if (found.sources().isEmpty() && found.problems().isEmpty()) {
                    report(s.pathOrUrl() + ": no media files in this folder", collect);
                }
                found.sources().forEach(f -> out.add(new LoadRequest.Source(f)));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private AddResult run(LoadRequest request, LoadJob job, LoadEvents events) throws LoadException {
        if (request instanceof LoadRequest.Source s) {
            return loader.load(s.pathOrUrl(), job, job.cancellation(), events);
        }
        if (request instanceof LoadRequest.Recording r) {
            return LiveRecorder.recordNext(repository, r.live(), r.duration(), job, job.cancellation(), events);
        }
        if (request instanceof LoadRequest.BuiltIn b) {
            try {
                return repository.add(b.bytes().get(), b.name(), new Origin.BuiltIn(b.resource()), "");
            } catch (BudgetExceededException e) {
                throw new LoadException(b.name(), LoadException.Kind.OVER_BUDGET, e.getMessage(), e);
            }
        }
        LoadRequest.Bytes b = (LoadRequest.Bytes) request;
        DropPayload payload = new DropPayload().addBytes(b.bytes(), b.mimeType(), b.name());
        LoadOutcome outcome = loader.load(payload, LoadProgress.NONE, new Cancellation()).get(0);
        if (!outcome.ok()) throw outcome.error();
        return outcome.result();
    }

    public static List<LoadRequest> sources(List<String> pathsOrUrls) {
        return pathsOrUrls.stream().<LoadRequest>map(LoadRequest.Source::new).toList();
    }
}
