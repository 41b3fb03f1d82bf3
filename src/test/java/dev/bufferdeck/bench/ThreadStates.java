package dev.bufferdeck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a few threads of this process were doing in the kernel, every millisecond, for as long as this
 * is open: their state ({@code R} on a core or waiting for one, {@code S} asleep, {@code D} asleep and
 * uninterruptible) and, asleep, where ({@code /proc/self/task/TID/wchan}: {@code futex_wait_queue} for
 * a Java wait or lock, {@code hrtimer_nanosleep} for a sleep…). A thread that neither runs nor waits for a
 * core in the scheduler's figures is asleep somewhere; this says where. Costs a few % of a core.
 */
final class ThreadStates implements AutoCloseable {
    private record Sample(long nanos, String thread, String state) { }

    private final Map<String, Path> tasks;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadStates(Map<String, Path> tasks) {
        this.tasks = tasks;
        sampler = new Thread(this::sample, "thread-state sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Samples the threads whose kernel names (15 characters at most) start with each of {@code names}. */
    static ThreadStates start(String... names) {
        Map<String, Path> tasks = new LinkedHashMap<>();
        for (String name : names) SchedStats.task(name).ifPresent(task -> tasks.put(name, task));
        return new ThreadStates(tasks);
    }

    private void sample() {
        while (running) {
            long now = System.nanoTime();
            List<Sample> taken = new ArrayList<>(tasks.size());
            tasks.forEach((name, task) -> taken.add(new Sample(now, name, stateOf(task))));
            synchronized (samples) {
                samples.addAll(taken);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
    }

    private static String stateOf(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            if (state.equals("R")) return "R";
            String where = Files.readString(task.resolve("wchan")).trim();
            return where.isEmpty() || where.equals("0") ? state : state + " " + where;
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Each thread's states within [from, to) (System.nanoTime), the most sampled first: "FX: S futex_wait_queue 40, R 8". */
    String within(long from, long to) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() < from || s.nanos() >= to) continue;
                counts.computeIfAbsent(s.thread(), t -> new TreeMap<>()).merge(s.state(), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((thread, states) -> {
            out.append(out.length() == 0 ? "" : "; ").append(thread).append(':');
            states.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s %d,", e.getKey(), e.getValue())));
            out.setLength(out.length() - 1);
        });
        return out.toString();
    }

    @Override
    public void close() {
        running = false;
    }
}
