package dev.bufferdeck.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When a core of the machine itself stopped, as another process sees it ({@code scripts/lib/stall-probe.py},
 * for as long as this is open): its 2 ms sleeps, one thread held to each core, that woke late without
 * waiting for their core. On a virtual machine the host stops a virtual core, or all of them, now and then;
 * the threads on it (or woken on it) then neither run nor wait for a core in the guest's accounting, so
 * they look asleep. Where python3 cannot run, nothing is seen.
 */
final class MachineStalls implements AutoCloseable {
    /** A core's stop, in System.nanoTime's clock (CLOCK_MONOTONIC on Linux). */
    private record Stop(int core, long start, long end) { }

    private final Process probe;
    private final List<Stop> stops = Collections.synchronizedList(new ArrayList<>());

    private MachineStalls(Process probe) {
        this.probe = probe;
        if (probe == null) return;
        Thread reader = new Thread(this::read, "machine-stall reader");
        reader.setDaemon(true);
        reader.start();
    }

    static MachineStalls start() {
        try {
            return new MachineStalls(new ProcessBuilder("python3", "scripts/lib/stall-probe.py")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            return new MachineStalls(null);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String[] f = line.trim().split(" ");
                int core = Integer.parseInt(f[0]);
                long end = Long.parseLong(f[1]), late = Long.parseLong(f[2]), queued = Long.parseLong(f[3]);
                long stopped = late - queued;
                if (stopped > 0) stops.add(new Stop(core, end - stopped, end));
            }
        } catch (IOException | RuntimeException ended) {
            // the probe ended: nothing more is seen
        }
    }

    /** Nanoseconds within [from, to) (System.nanoTime) in which a core was seen stopped: the most of any one core. */
    long within(long from, long to) {
        java.util.Map<Integer, Long> byCore = new java.util.HashMap<>();
        synchronized (stops) {
            for (Stop s : stops) byCore.merge(s.core(), Math.max(0, Math.min(to, s.end()) - Math.max(from, s.start())), Long::sum);
        }
        return byCore.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Whether the probe runs (python3 found). */
    boolean seeing() {
        return probe != null && probe.isAlive();
    }

    @Override
    public void close() {
        if (probe == null) return;
        try {
            probe.getOutputStream().close();
        } catch (IOException ignored) {
            // it is destroyed below anyway
        }
        probe.destroy();
    }
}
