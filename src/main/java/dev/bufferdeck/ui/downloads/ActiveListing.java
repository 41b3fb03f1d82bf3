package dev.bufferdeck.ui.downloads;

import dev.bufferdeck.ui.thread.Fx;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps the list of loads in progress, told from the loaders' threads and brought up to date once
 * per pulse, in one change for the loads that began and one for those that ended: a load that began
 * and ended between two pulses (a small file of a thousand) is never listed.
 */
final class ActiveListing {
    private final ObservableList<LoadJob> active;
    private final Queue<LoadJob> began = new ConcurrentLinkedQueue<>();
    private final Queue<LoadJob> ended = new ConcurrentLinkedQueue<>();
    private final Runnable listSoon = Fx.perPulse(this::list);

    ActiveListing(ObservableList<LoadJob> active) {
        this.active = active;
    }

    /** From a loader's thread. */
    void began(LoadJob job) {
        began.add(job);
        listSoon.run();
    }

    /** From a loader's thread, after {@link #began}. */
    void ended(LoadJob job) {
        ended.add(job);
        listSoon.run();
    }

    private void list() {
        // ended first: a job seen to end was seen to begin too, in this look or an earlier one
        Set<LoadJob> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LoadJob j; (j = ended.poll()) != null; ) gone.add(j);
        List<LoadJob> fresh = new ArrayList<>();
        for (LoadJob j; (j = began.poll()) != null; ) {
            if (!gone.remove(j)) fresh.add(j);
        }
        if (!gone.isEmpty()) active.removeAll(gone);
        if (!fresh.isEmpty()) active.addAll(fresh);
    }
}
