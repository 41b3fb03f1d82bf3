package dev.bufferdeck.audio;

import dev.bufferdeck.repository.MediaBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records player events as short strings ("state PLAYING", "started a", "ended a", "error ...") and waits for them. */
final class RecordingListener implements PlayerListener {
    private final List<String> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override public void stateChanged(PlayerState state, MediaBuffer buffer) { add("state " + state); }
    @Override public void notice(String message, boolean error) { add((error ? "error " : "notice ") + message); }
    @Override public void trackStarted(MediaBuffer buffer) { add("started " + buffer.name()); }
    @Override public void trackEnded(MediaBuffer buffer) { add("ended " + buffer.name()); }
    @Override public void titleChanged(MediaBuffer buffer, String title) { add("title " + buffer.name() + " " + title); }
    @Override public void buffering(MediaBuffer buffer, boolean buffering) { add((buffering ? "buffering " : "flowing ") + buffer.name()); }

    private synchronized void add(String event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    synchronized List<String> events() { return List.copyOf(events); }
    synchronized List<String> threads() { return List.copyOf(threads); }

    /** Waits until an event matches; fails the test after {@code seconds}. */
    synchronized String await(Predicate<String> wanted, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int seen = 0;
        while (true) {
            for (; seen < events.size(); seen++) {
                if (wanted.test(events.get(seen))) return events.get(seen);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no such event within " + seconds + " s; got " + events);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    String awaitState(PlayerState state, double seconds) throws InterruptedException {
        return await(e -> e.equals("state " + state), seconds);
    }

    /** Waits for ENDED, ERROR or STOPPED. */
    String awaitFinal(double seconds) throws InterruptedException {
        return await(e -> e.equals("state ENDED") || e.equals("state ERROR") || e.equals("state STOPPED"), seconds);
    }
}
