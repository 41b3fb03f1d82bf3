package dev.bufferdeck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Linux scheduler's figures for one thread of this process ({@code /proc/self/task/TID/schedstat}):
 * nanoseconds on a core, and nanoseconds runnable but waiting on a run queue for one. A thread's wall
 * time that is neither was spent asleep or blocked. Where there is no such file every figure is 0.
 */
final class SchedStats {
    private final Path file;

    private SchedStats(Path file) {
        this.file = file;
    }

    /** The first thread of this process whose kernel name (15 characters at most) starts with {@code name}. */
    static SchedStats thread(String name) {
        return new SchedStats(task(name).map(t -> t.resolve("schedstat")).orElse(null));
    }

    /** The /proc folder of the first thread of this process whose kernel name starts with {@code name}. */
    static java.util.Optional<Path> task(String name) {
        try (var all = Files.list(Path.of("/proc/self/task"))) {
            return all.filter(t -> comm(t).startsWith(name)).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The calling thread. */
    static SchedStats current() {
        return new SchedStats(Path.of("/proc/thread-self/schedstat"));
    }

    /** Nanoseconds on a core so far of each thread of this process, by kernel name (threads of one name added up). */
    static java.util.Map<String, Long> onCoreByThread() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var all = Files.list(Path.of("/proc/self/task"))) {
            all.forEach(t -> byName.merge(comm(t), new SchedStats(t.resolve("schedstat")).field(0), Long::sum));
        } catch (IOException | RuntimeException e) {
            // no figures where there is no /proc
        }
        return byName;
    }

    /**
     * Nanoseconds on a core so far of a whole other process, its ended threads too (user and system
     * time from /proc/PID/stat, in clock ticks taken as 10 ms).
     */
    static long onCore(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Nanoseconds on a core so far. */
    long onCore() {
        return field(0);
    }

    /** Nanoseconds waited on a run queue so far. */
    long waited() {
        return field(1);
    }

    private long field(int index) {
        if (file == null) return 0;
        try {
            String[] f = Files.readString(file).trim().split(" ");
            return Long.parseLong(f[index]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
