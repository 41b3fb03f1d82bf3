package dev.bufferdeck.bench;

import dev.bufferdeck.ui.downloads.Loads;
import dev.bufferdeck.ui.main.IdleWarmUp;
import dev.bufferdeck.ui.main.MainController;
import dev.bufferdeck.ui.main.SourceOpener;
import dev.bufferdeck.ui.main.MainWindow;
import dev.bufferdeck.ui.main.AppServices;
import dev.bufferdeck.ui.testing.AppFixture;
import dev.bufferdeck.ui.testing.TestSessions;
import dev.bufferdeck.ui.testing.Wavs;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * FX thread stalls in the real main window (Monocle headless): pulse gaps over 50 ms as the window
 * first shows and builds ahead what it will need (its warm-up), while idle (the baseline on this
 * machine), at the window's first load (a 1 MiB URL: its first row and details are built), while a
 * 500 MiB URL loads over loopback, while a playlist of 1,000 URL entries is imported (as references:
 * nothing is fetched), while those 1,000 URLs are opened and loaded (until all of them are in the
 * library and the playlist, and hashed), and while a 500 MiB URL served without a length (chunked)
 * loads (in small pieces: the young collection that copies them may come after the scenario).
 * Each scenario goes on 1.5 s after its end is seen. The HTTP server is a separate process
 * ({@code python3 scripts/lib/http-server.py}, Python's http.server that also serves chunked), as a
 * user's would be. Goal: no gap
 * over 50 ms. Run with -Xmx3g or more.
 *
 * <p>A gap is the time between the ends of two pulses' layouts: it holds the work that led to a
 * layout (a runLater, an animation step) together with that layout. The gaps that began before the
 * renderer had drawn the window's first frame (JavaFX's frame-rendered notice, {@code Fx.afterNextFrame})
 * are printed apart: nothing of the window showed yet, so nothing froze; that time is the start's,
 * which the startup benchmarks time to the same frame.
 *
 * <p>For each scenario it prints the wall time between pulses, and the FX thread's own CPU time
 * within each of those gaps: on a shared machine a wall gap may be the FX thread waiting for a core,
 * while its CPU time in one gap is the work it did there. It also prints the stop-the-world GC pauses
 * and the load average, and how long a core of the machine was seen stopped within the gaps
 * ({@link MachineStalls}: a virtual machine's host stops its cores now and then, 5–35 ms at a time
 * here, idle or not), with the gaps over 50 ms counted again less those stops. Under
 * {@code -XX:StartFlightRecording} each scenario and each gap over 50 ms is an event ({@code bufferdeck.BenchScenario}, {@code bufferdeck.LongPulseGap}), so the samples
 * inside them can be told apart; BENCH_EVENT_CPU_MS=n also makes an event of each gap with n ms of FX
 * CPU or more. For each scenario's longest FX-CPU gap it prints how much of it came before the pulse
 * (runLaters, animation steps such as the window's warm-up steps, the last frame's sync) and how much
 * was the pulse's CSS and layout; BENCH_GAP_LIST=1 lists every gap with 15 ms of FX CPU or more.
 */
public final class PulseGapBench {
    private static final long OVER = 50_000_000L;
    /** A gap with this much FX CPU is a flight-recording event too, whatever its wall time (BENCH_EVENT_CPU_MS; default 50). */
    private static final long EVENT_CPU = Long.parseLong(System.getenv().getOrDefault("BENCH_EVENT_CPU_MS", "50")) * 1_000_000L;
    /** How long each scenario goes on after its end is seen: the work that follows a load (facts, regions) counts too. */
    private static final long SETTLE_MILLIS = 1500;
    /** Wall time between two pulses, and the FX thread's own CPU time in it, both in ns. */
    private record Gap(long wall, long cpu, long cssAndLayout, long fxWaited, long renderWaited, long timerWaited, long renderCpu,
                       java.time.Instant end, long startNanos) {
        java.time.Instant start() {
            return end.minusNanos(wall);
        }

        /** Nanoseconds of it in which a core of the machine was seen stopped (another process's sleeps woke late). */
        long machineStopped() {
            return machine.within(startNanos, startNanos + wall);
        }

        /** Its wall time less the machine's stops: what the window's own threads and the guest's cores made of it. */
        long wallLessStops() {
            return wall - machineStopped();
        }
    }
    /** The FX thread's CPU time when the last pulse's CSS pass began (after its runLaters and animation steps). */
    private static long cssStartCpu;
    private static final List<Gap> gaps = new ArrayList<>();
    private static long lastPulse;
    /** When the renderer finished the window's first frame (System.nanoTime), set on the renderer thread. */
    private static volatile long firstFrameDrawn;
    private static long lastCpu;
    /** Run-queue waits (ns) of the FX thread, the renderer and the pulse timer at the last pulse. */
    private static long lastFxWaited, lastRenderWaited, lastTimerWaited, lastRenderCpu;
    private static SchedStats fxSched, renderSched, timerSched;
    private static final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    /**
     * Read before the recording stream below starts Flight Recorder: JavaFX's PulseLogger turns its
     * JFR pulse logging on when Flight Recorder is running as it loads (JFRPulseLogger), and then every
     * pulse and every frame builds log strings (the renderer's first frame also bootstrapped their
     * string concatenations). The app runs without Flight Recorder, so the window measured here does
     * too; with BENCH_JFR, Flight Recorder starts with the JVM and the pulse logging is on.
     */
    private static final boolean PULSE_LOGGING = pulseLogging();
    private static final Stalls stalls = new Stalls();
    private static final MachineStalls machine = MachineStalls.start();
    /** With BENCH_THREAD_STATES=1, once the window shows: the FX thread's, the timer's and the renderer's kernel states. */
    private static ThreadStates states;
    private static Figures baseline;
    private static LongGap between;
    /** The HTTP server, while it runs. */
    private static ServerProcess server;

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        dev.bufferdeck.ui.playback.PulseRate.applyDefault(); // the app's pulse rate
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        AppServices standard = AppServices.standard();
        AppServices services = AppFixture.with(standard, standard.playback(), TestSessions.fresh());
        MainController[] controller = new MainController[1];
        MainWindow[] window = new MainWindow[1];
        IdleWarmUp[] warm = new IdleWarmUp[1];
        boolean warmUp = System.getenv("BENCH_NO_WARMUP") == null;
        // the window's first seconds: its first pulses and what it builds ahead while idle
        report("window shown: first pulses and warm-up", () -> {
            Stage stage = new Stage();
            controller[0] = new MainController(services, stage);
            window[0] = new MainWindow(controller[0]);
            stage.setScene(window[0].scene());
            stage.show();
            dev.bufferdeck.ui.thread.Fx.afterNextFrame(stage.getScene(), () -> firstFrameDrawn = System.nanoTime());
            // as the app does once filled; BENCH_NO_WARMUP=1 measures without it
            if (warmUp) warm[0] = window[0].warmUpWhenIdle();
            window[0].scene().addPreLayoutPulseListener(() -> cssStartCpu = threads.getCurrentThreadCpuTime());
            window[0].scene().addPostLayoutPulseListener(PulseGapBench::pulsed);
            new AnimationTimer() {
                @Override public void handle(long now) { }
            }.start();
        }, () -> !warmUp || warm[0].isDone() && window[0].libraryView().rowCellsWarmed() && window[0].downloads().lineWarmed(), true);
        MainController c = controller[0];
        if (System.getenv("BENCH_THREAD_STATES") != null) states = ThreadStates.start("JavaFX Applicat", "Monocle Timer", "QuantumRenderer");

        System.out.println("JavaFX pulse logging (JFR): " + (PULSE_LOGGING ? "on, as Flight Recorder started with the JVM" : "off, as in the app"));
        System.out.printf(Locale.ROOT, "load average at start: %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        baseline = report("idle 3 s (baseline)", () -> {}, sleepFor(1500));

        Path dir = Files.createTempDirectory("bufferdeck-bench");
        try (ServerProcess serving = ServerProcess.serving(dir)) {
            server = serving;
            // the window's first load builds the library's first row, its cells and the details (first use, cold code):
            // measured apart, so that the big load shows only what grows with its size
            Files.write(dir.resolve("first.bin"), new byte[1 << 20]);
            report("first load in the window: a 1 MiB URL", () -> c.sources().openUrl(server.url("/first.bin")),
                    () -> c.library().rows().size() == 1 && allHashed(c));
            // written a MiB at a time: zeroing one array of the whole body keeps this thread from
            // reaching a safepoint for ~240 ms, which stalls every thread of the window measured next
            try (java.io.OutputStream out = Files.newOutputStream(dir.resolve("big.bin"))) {
                byte[] mebibyte = new byte[1 << 20];
                for (int m = 0; m < mib; m++) out.write(mebibyte);
            }
            report("loading a " + mib + " MiB URL", () -> c.sources().openUrl(server.url("/big.bin")),
                    () -> c.library().rows().size() == 2 && allHashed(c));

            StringBuilder m3u = new StringBuilder("#EXTM3U\n");
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Files.write(dir.resolve("t" + i + ".wav"), Wavs.tone(0.02, 200 + i));
                urls.add(server.url("/t" + i + ".wav"));
                m3u.append("#EXTINF:0,tone ").append(i).append('\n').append(urls.get(i)).append('\n');
            }
            Path list = dir.resolve("thousand.m3u8");
            Files.writeString(list, m3u);
            report("importing a 1,000-entry playlist of URLs", () -> c.playlistFiles().importPlaylist(list, false),
                    () -> c.playlist().entries().size() >= 1002);
            report("opening those 1,000 URLs (loaded)", () -> c.sources().loadIntoPlaylist(Loads.sources(urls), SourceOpener.APPEND, false),
                    () -> c.playlist().entries().size() >= 2002 && c.library().rows().size() >= 1002 && allHashed(c));

            // a body of unknown length, last so that the scenarios above stay as they were measured before it
            try (java.io.OutputStream out = Files.newOutputStream(dir.resolve("big-chunked.bin"))) {
                byte[] mebibyte = new byte[1 << 20];
                for (int m = 0; m < mib; m++) {
                    mebibyte[0] = (byte) (m + 1);
                    out.write(mebibyte);
                }
            }
            int rows = onFxGet(() -> c.library().rows().size());
            report("loading a " + mib + " MiB URL of unknown length", () -> c.sources().openUrl(server.url("/chunked/big-chunked.bin")),
                    () -> c.library().rows().size() == rows + 1 && allHashed(c));
        } finally {
            server = null;
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        onFx(c::shutdown);
        Platform.exit();
        stalls.close();
        machine.close();
        if (states != null) states.close();
    }

    /**
     * One thread's stack every millisecond for the scenario's first 300 ms (BENCH_SAMPLE_MS), and what
     * it ran most: the FX thread's with BENCH_FX_SAMPLE=1, the renderer's with BENCH_RENDER_SAMPLE=1
     * (Flight Recorder samples a few threads per interval and catches a short burst of work only now
     * and then).
     */
    private static final class StackSampler {
        /** BENCH_SAMPLE_MS: until how long after each scenario's start (default 300 ms). */
        private static final long SAMPLE_MILLIS = Long.parseLong(System.getenv().getOrDefault("BENCH_SAMPLE_MS", "300"));
        /** BENCH_SAMPLE_FROM_MS: from how long after each scenario's start (default 0). */
        private static final long FROM_MILLIS = Long.parseLong(System.getenv().getOrDefault("BENCH_SAMPLE_FROM_MS", "0"));
        private final java.util.Map<String, Integer> inclusive = new java.util.HashMap<>();
        private final java.util.Map<String, Integer> leaves = new java.util.HashMap<>();
        private final Thread sampling;
        /** The frames counted inclusively: those whose class name starts so. */
        private final String ours;
        /** The sampled thread, as printed. */
        private final String who;
        /** How many inclusive counts are printed. */
        private final int top;
        private int running;

        private StackSampler(Thread sampled, String ours, String who, int top) {
            this.ours = ours;
            this.who = who;
            this.top = top;
            sampling = new Thread(() -> {
                long start = System.nanoTime(), end = start + SAMPLE_MILLIS * 1_000_000L;
                while (System.nanoTime() < start + FROM_MILLIS * 1_000_000L) java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
                while (System.nanoTime() < end) {
                    StackTraceElement[] stack = sampled.getStackTrace();
                    if (stack.length > 0 && !waiting(stack[0])) {
                        running++;
                        leaves.merge(stack[0].getClassName() + "." + stack[0].getMethodName(), 1, Integer::sum);
                        java.util.Set<String> seen = new java.util.HashSet<>();
                        for (StackTraceElement f : stack) {
                            String name = f.getClassName().replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda") + "." + f.getMethodName();
                            if (name.startsWith(ours) && !name.startsWith("dev.bufferdeck.bench.") && seen.add(name)) {
                                inclusive.merge(name, 1, Integer::sum);
                            }
                        }
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
                }
            }, "bench-stack-sampler");
            sampling.setDaemon(true);
        }

        private static boolean waiting(StackTraceElement top) {
            return top.getMethodName().equals("wait") || top.getMethodName().equals("park") || top.getClassName().startsWith("com.sun.glass.ui.monocle.RunnableQueue");
        }

        static StackSampler start(Thread sampled, String ours, String who, int top) {
            StackSampler s = new StackSampler(sampled, ours, who, top);
            s.sampling.start();
            return s;
        }

        void printAfter(String what) throws InterruptedException {
            sampling.join();
            System.out.printf(Locale.ROOT, "%-42s %s samples from %d to %d ms after its start (1 ms apart): %d running%n", what, who, FROM_MILLIS, SAMPLE_MILLIS, running);
            print("  " + ours + "*, inclusive:", inclusive, top);
            print("  leaves:", leaves, 8);
        }

        private static void print(String title, java.util.Map<String, Integer> counts, int top) {
            System.out.println("    " + title);
            counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "      %4d  %s%n", e.getValue(), e.getKey()));
        }
    }

    /** Loads JavaFX's PulseLogger and says whether it logs. */
    private static boolean pulseLogging() {
        try {
            return Class.forName("com.sun.javafx.logging.PulseLogger", true, Platform.class.getClassLoader())
                    .getField("PULSE_LOGGING_ENABLED").getBoolean(null);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * At the end of each pulse's layout: the time since the last one is the time between two frames
     * handed to the renderer, and it holds the work that led to this layout (a runLater, an
     * animation step) together with the layout itself.
     */
    private static void pulsed() {
        long now = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        if (fxSched == null) {
            fxSched = SchedStats.current();
            renderSched = SchedStats.thread("QuantumRenderer");
            timerSched = SchedStats.thread("Monocle Timer");
        }
        long fxWaited = fxSched.waited(), renderWaited = renderSched.waited(), timerWaited = timerSched.waited();
        long renderCpu = renderSched.onCore();
        if (lastPulse != 0) gaps.add(new Gap(now - lastPulse, cpu - lastCpu, cpu - Math.max(lastCpu, cssStartCpu),
                fxWaited - lastFxWaited, renderWaited - lastRenderWaited, timerWaited - lastTimerWaited,
                renderCpu - lastRenderCpu, java.time.Instant.now(), lastPulse));
        lastRenderCpu = renderCpu;
        lastFxWaited = fxWaited;
        lastRenderWaited = renderWaited;
        lastTimerWaited = timerWaited;
        if (between != null && (now - lastPulse > OVER || cpu - lastCpu > EVENT_CPU)) {
            between.end();
            between.fxCpuMillis = (cpu - lastCpu) / 1_000_000L;
            between.commit();
        }
        between = new LongGap();
        between.begin();
        lastPulse = now;
        lastCpu = cpu;
    }

    private static boolean allHashed(MainController c) {
        return c.library().rows().stream().allMatch(r -> !r.buffer().sha256().isEmpty());
    }

    private static BooleanSupplier sleepFor(long millis) {
        long end = System.currentTimeMillis() + millis;
        return () -> System.currentTimeMillis() >= end;
    }

    /** One scenario's figures: wall gaps between pulses, the FX thread's CPU inside each gap, GC pauses. */
    private record Figures(double seconds, int pulses, long wallOver, long wallMax, long cpuOver, long cpuMax,
                           double fxBusy, int gcCount, long gcMax, long gcTotal, double load) {
        void print(String what) {
            System.out.printf(Locale.ROOT, "%-42s %6.1f s, %5d pulses | wall: gaps > 50 ms %3d, longest %4.0f ms"
                            + " | FX CPU: in one gap > 50 ms %3d, longest %4.0f ms, busy %4.1f%%"
                            + " | GC: %d pauses, longest %3.0f ms, total %4.0f ms | load %.1f%n",
                    what, seconds, pulses, wallOver, wallMax / 1e6, cpuOver, cpuMax / 1e6, fxBusy,
                    gcCount, gcMax / 1e6, gcTotal / 1e6, load);
        }
    }

    private static Figures report(String what, Runnable start, BooleanSupplier done) throws Exception {
        return report(what, start, done, false);
    }

    /**
     * Runs a scenario and prints its figures; {@code firstApart}: the gaps that began before the
     * window's first frame was drawn are printed apart and left out (startup, which the startup
     * benchmarks time until that frame).
     */
    private static Figures report(String what, Runnable start, BooleanSupplier done, boolean firstApart) throws Exception {
        onFx(gaps::clear);
        stalls.clear();
        java.util.Map<String, Long> onCore0 = SchedStats.onCoreByThread();
        long server0 = server == null ? 0 : SchedStats.onCore(server.pid());
        long fxThread = onFxGet(() -> Thread.currentThread().getId());
        stalls.fxThreadId = fxThread;
        long cpu0 = threads.getThreadCpuTime(fxThread);
        long t0 = System.nanoTime();
        Scenario event = new Scenario();
        event.name = what;
        event.begin();
        StackSampler sampler = System.getenv("BENCH_FX_SAMPLE") == null ? null
                : StackSampler.start(onFxGet(Thread::currentThread),
                        System.getenv().getOrDefault("BENCH_SAMPLE_PREFIX", "dev.bufferdeck."), "FX", 14);
        StackSampler renderSampler = System.getenv("BENCH_RENDER_SAMPLE") == null ? null : Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst()
                .map(t -> StackSampler.start(t, "com.sun.", "renderer", 40)).orElse(null);
        onFx(start);
        if (sampler != null) sampler.printAfter(what);
        if (renderSampler != null) renderSampler.printAfter(what);
        while (!onFxGet(done::getAsBoolean)) Thread.sleep(20);
        Thread.sleep(SETTLE_MILLIS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        event.commit();
        double fxBusy = (threads.getThreadCpuTime(fxThread) - cpu0) / 1e9 / seconds * 100;
        List<Gap> g = onFxGet(() -> List.copyOf(gaps));
        if (firstApart && !g.isEmpty()) {
            // the gaps that began before the first frame was drawn: the window did not show yet
            int before = 1;
            while (before < g.size() && g.get(before).startNanos() < firstFrameDrawn) before++;
            List<Gap> starting = g.subList(0, before);
            System.out.printf(Locale.ROOT, "%-42s before the first frame was drawn: %d gaps, wall %s ms, FX CPU %s ms, renderer on a core %s ms%n",
                    what, before, millis(starting, Gap::wall), millis(starting, Gap::cpu), millis(starting, Gap::renderCpu));
            g = g.subList(before, g.size());
        }
        List<Long> pauses = stalls.taken();
        Figures f = new Figures(seconds, g.size(),
                g.stream().filter(x -> x.wall() > OVER).count(), g.stream().mapToLong(Gap::wall).max().orElse(0),
                g.stream().filter(x -> x.cpu() > OVER).count(), g.stream().mapToLong(Gap::cpu).max().orElse(0),
                fxBusy, pauses.size(), pauses.stream().mapToLong(Long::longValue).max().orElse(0),
                pauses.stream().mapToLong(Long::longValue).sum(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        f.print(what);
        printBusiestThreads(onCore0, server0, seconds);
        List<Gap> longGaps = g.stream().filter(x -> x.wall() > OVER).toList();
        System.out.printf(Locale.ROOT, "%-42s a core of the machine stopped (%s) %.0f ms in all; less its stops: gaps > 50 ms %d, longest %.0f ms%n", "",
                machine.seeing() ? "scripts/lib/stall-probe.py" : "not seen: python3 did not run", sum(g, Gap::machineStopped),
                longGaps.stream().filter(x -> x.wallLessStops() > OVER).count(), g.stream().mapToLong(Gap::wallLessStops).max().orElse(0) / 1e6);
        if (!longGaps.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-42s in the %d gaps > 50 ms (%.0f ms): FX CPU %.0f ms, FX waiting for a core %.0f ms,"
                            + " FX asleep or blocked %.0f ms (safepoints %.0f ms); renderer waiting for a core %.0f ms, pulse timer %.0f ms;"
                            + " a core of the machine stopped %.0f ms%n", "",
                    longGaps.size(), sum(longGaps, Gap::wall), sum(longGaps, Gap::cpu), sum(longGaps, Gap::fxWaited),
                    sum(longGaps, x -> x.wall() - x.cpu() - x.fxWaited()), sum(longGaps, x -> stalls.safepointsWithin(x.start(), x.end())),
                    sum(longGaps, Gap::renderWaited), sum(longGaps, Gap::timerWaited), sum(longGaps, Gap::machineStopped));
        }
        if (System.getenv("BENCH_GAP_LIST") != null) {
            // BENCH_LIST_OVER_MS lists shorter gaps too (default: those over 50 ms)
            long listOver = Long.parseLong(System.getenv().getOrDefault("BENCH_LIST_OVER_MS", "50")) * 1_000_000L;
            for (Gap x : g.stream().filter(x -> x.wall() > listOver).toList()) {
                System.out.printf(Locale.ROOT, "%-42s   gap #%d, ending %.2f s in, %.0f ms: FX CPU %.0f, FX waiting %.0f, safepoints %.0f, renderer on a core %.0f, waiting %.0f, timer waiting %.0f, a core stopped %.0f%n", "",
                        g.indexOf(x), java.time.Duration.between(g.get(0).start(), x.end()).toNanos() / 1e9, x.wall() / 1e6, x.cpu() / 1e6, x.fxWaited() / 1e6, stalls.safepointsWithin(x.start(), x.end()) / 1e6,
                        x.renderCpu() / 1e6, x.renderWaited() / 1e6, x.timerWaited() / 1e6, x.machineStopped() / 1e6);
                String waits = stalls.fxWaitsWithin(x.start(), x.end());
                if (!waits.isEmpty()) System.out.printf(Locale.ROOT, "%-42s     FX waited: %s%n", "", waits);
                String operations = stalls.vmOperationsWithin(x.start(), x.end());
                if (!operations.isEmpty()) System.out.printf(Locale.ROOT, "%-42s     at safepoints: %s%n", "", operations);
                if (states != null) System.out.printf(Locale.ROOT, "%-42s     kernel states (ms sampled): %s%n", "", states.within(x.startNanos(), x.startNanos() + x.wall()));
            }
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < g.size(); i++) {
                Gap x = g.get(i);
                if (x.cpu() >= 15_000_000L) list.append(String.format(Locale.ROOT, " #%d:%.0f(%.0f)", i, x.cpu() / 1e6, x.cssAndLayout() / 1e6));
            }
            System.out.printf(Locale.ROOT, "%-42s FX CPU >= 15 ms in gap #n, ms (of it CSS and layout):%s%n", "", list);
        }
        g.stream().max(java.util.Comparator.comparingLong(Gap::cpu)).ifPresent(x -> System.out.printf(Locale.ROOT,
                "%-42s its longest FX CPU gap: %.0f ms before the pulse (runLater, animation steps, the last frame's sync), %.0f ms CSS and layout%n",
                "", (x.cpu() - x.cssAndLayout()) / 1e6, x.cssAndLayout() / 1e6));
        if (baseline != null && baseline.wallMax() > 0) {
            System.out.printf(Locale.ROOT, "%-42s longest wall gap %.1f× idle's, longest FX CPU in a gap %.1f× idle's%n", "",
                    (double) f.wallMax() / baseline.wallMax(), (double) f.cpuMax() / Math.max(1, baseline.cpuMax()));
        }
        return f;
    }

    /** The threads that were on a core most during a scenario, and the HTTP server's process, in % of one core. */
    private static void printBusiestThreads(java.util.Map<String, Long> before, long serverBefore, double seconds) {
        java.util.Map<String, Long> after = SchedStats.onCoreByThread();
        StringBuilder line = new StringBuilder();
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(7)
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.0f%%,", e.getKey(), e.getValue() / 1e7 / seconds)));
        if (server != null) line.append(String.format(Locale.ROOT, " HTTP server process %.0f%%", (SchedStats.onCore(server.pid()) - serverBefore) / 1e7 / seconds));
        System.out.printf(Locale.ROOT, "%-42s on a core (%% of one):%s%n", "", line);
    }

    private static String millis(List<Gap> gaps, java.util.function.ToLongFunction<Gap> part) {
        return gaps.stream().map(x -> String.format(Locale.ROOT, "%.0f", part.applyAsLong(x) / 1e6)).collect(java.util.stream.Collectors.joining(" + "));
    }

    private static double sum(List<Gap> gaps, java.util.function.ToLongFunction<Gap> part) {
        return gaps.stream().mapToLong(part).sum() / 1e6;
    }

    /** Marks each scenario in a flight recording, so samples can be told apart by scenario. */
    @jdk.jfr.Name("bufferdeck.BenchScenario")
    @jdk.jfr.Label("Bench scenario")
    static final class Scenario extends jdk.jfr.Event {
        @jdk.jfr.Label("Name") String name;
    }

    /** A time between two pulses over 50 ms, in a flight recording: the samples inside it show what held the FX thread. */
    @jdk.jfr.Name("bufferdeck.LongPulseGap")
    @jdk.jfr.Label("Long pulse gap")
    static final class LongGap extends jdk.jfr.Event {
        @jdk.jfr.Label("FX thread CPU ms") long fxCpuMillis;
    }

    /**
     * What stops the window's threads, as Flight Recorder streams it: stop-the-world GC pauses, every
     * kind (G1: young, mixed, remark, cleanup and full; JDK 17's GC MXBeans report no remark and no
     * cleanup pause, and once a load's pieces are humongous objects its pauses are mostly those),
     * every safepoint, and what the FX thread waited for.
     */
    private static final class Stalls implements AutoCloseable {
        private record Pause(java.time.Instant start, long nanos) { }
        private record Wait(java.time.Instant start, long nanos, String what) { }
        /** The FX thread's id, once known. */
        volatile long fxThreadId = -1;
        private final List<Wait> fxWaits = java.util.Collections.synchronizedList(new ArrayList<>());
        /** The VM's operations at a safepoint of 1 ms or more (the whole safepoint is longer: stopping the threads first). */
        private final List<Wait> vmOperations = java.util.Collections.synchronizedList(new ArrayList<>());

        /** The VM operations at a safepoint that overlap [from, to): "12 ms G1CollectForAllocation; 3 ms G1Concurrent". */
        String vmOperationsWithin(java.time.Instant from, java.time.Instant to) {
            return overlapping(vmOperations, from, to);
        }

        /** The FX thread's waits of 2 ms or more that overlap [from, to): "12 ms ThreadPark Sync at …". */
        String fxWaitsWithin(java.time.Instant from, java.time.Instant to) {
            return overlapping(fxWaits, from, to);
        }

        private static String overlapping(List<Wait> waits, java.time.Instant from, java.time.Instant to) {
            synchronized (waits) {
                return waits.stream().filter(w -> w.start().isBefore(to) && w.start().plusNanos(w.nanos()).isAfter(from))
                        .map(w -> String.format(Locale.ROOT, "%.0f ms %s", w.nanos() / 1e6, w.what()))
                        .collect(java.util.stream.Collectors.joining("; "));
            }
        }
        private final jdk.jfr.consumer.RecordingStream stream = new jdk.jfr.consumer.RecordingStream();
        private final List<Pause> pauses = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Every safepoint (GC or not), from the start of its synchronisation to its end. */
        private final List<Pause> safepoints = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile java.time.Instant flushed = java.time.Instant.MIN;
        private java.time.Instant since = java.time.Instant.MIN;

        Stalls() {
            stream.enable("jdk.GCPhasePause").withoutThreshold();
            stream.onEvent("jdk.GCPhasePause", e -> pauses.add(new Pause(e.getStartTime(), e.getDuration().toNanos())));
            // a safepoint lasts from its SafepointBegin's start (synchronising: threads are asked to stop) to its
            // SafepointEnd's end; SafepointBegin's own duration is only the synchronisation
            stream.enable("jdk.SafepointBegin").withoutThreshold();
            stream.enable("jdk.SafepointEnd").withoutThreshold();
            stream.onEvent("jdk.SafepointBegin", e -> safepointEdge(e.getLong("safepointId"), e.getStartTime(), true));
            stream.onEvent("jdk.SafepointEnd", e -> safepointEdge(e.getLong("safepointId"), e.getEndTime(), false));
            stream.enable("jdk.ExecuteVMOperation").withThreshold(java.time.Duration.ofMillis(1));
            stream.onEvent("jdk.ExecuteVMOperation", e -> {
                if (e.getBoolean("safepoint")) vmOperations.add(new Wait(e.getStartTime(), e.getDuration().toNanos(), e.getString("operation")));
            });
            // what the FX thread waited for (the renderer, a lock, its queue while idle), 2 ms or more at a time; told
            // by its id: Flight Recorder keeps the name a thread started with (Monocle's FX thread began as "Event Thread")
            for (String waiting : List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.JavaMonitorWait")) {
                stream.enable(waiting).withThreshold(java.time.Duration.ofMillis(2)).withStackTrace();
                stream.onEvent(waiting, e -> {
                    if (e.getThread() == null || e.getThread().getJavaThreadId() != fxThreadId) return;
                    String on = e.hasField("monitorClass") && e.getClass("monitorClass") != null ? e.getClass("monitorClass").getName()
                            : e.hasField("parkedClass") && e.getClass("parkedClass") != null ? e.getClass("parkedClass").getName() : "?";
                    String where = e.getStackTrace() == null ? "" : e.getStackTrace().getFrames().stream()
                            .filter(f -> !f.getMethod().getType().getName().startsWith("java."))
                            .limit(2).map(f -> f.getMethod().getType().getName().replaceAll(".*\\.", "") + "." + f.getMethod().getName())
                            .collect(java.util.stream.Collectors.joining(" < "));
                    fxWaits.add(new Wait(e.getStartTime(), e.getDuration().toNanos(),
                            e.getEventType().getName().replace("jdk.", "") + " " + on.replaceAll(".*\\.", "") + " at " + where));
                });
            }
            stream.onFlush(() -> flushed = java.time.Instant.now());
            stream.setReuse(false);
            stream.startAsync();
        }

        /** Safepoints seen begun or ended but not both yet, by id (the stream may hand over an end first). */
        private final java.util.Map<Long, java.time.Instant> halfSeen = new java.util.HashMap<>();

        private synchronized void safepointEdge(long id, java.time.Instant at, boolean begins) {
            java.time.Instant other = halfSeen.remove(id);
            if (other == null) {
                halfSeen.put(id, at);
                return;
            }
            java.time.Instant start = begins ? at : other, end = begins ? other : at;
            safepoints.add(new Pause(start, java.time.Duration.between(start, end).toNanos()));
        }

        void clear() { since = java.time.Instant.now(); }

        /** The pauses since {@link #clear}, once the stream has handed over what happened until now. */
        List<Long> taken() throws InterruptedException {
            java.time.Instant until = java.time.Instant.now();
            for (int i = 0; i < 100 && !flushed.isAfter(until); i++) Thread.sleep(50);
            synchronized (pauses) {
                return pauses.stream().filter(p -> !p.start().isBefore(since) && !p.start().isAfter(until))
                        .map(Pause::nanos).toList();
            }
        }

        /** Nanoseconds of safepoints (GC and others, synchronisation included) that fall within [from, to). */
        long safepointsWithin(java.time.Instant from, java.time.Instant to) {
            synchronized (safepoints) {
                long total = 0;
                for (Pause p : safepoints) {
                    java.time.Instant end = p.start().plusNanos(p.nanos());
                    java.time.Instant a = p.start().isAfter(from) ? p.start() : from, b = end.isBefore(to) ? end : to;
                    if (a.isBefore(b)) total += java.time.Duration.between(a, b).toNanos();
                }
                return total;
            }
        }

        /** Ends the stream (its thread would keep the JVM running). */
        @Override public void close() { stream.close(); }
    }

    private static void onFx(Runnable r) throws Exception {
        onFxGet(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFxGet(java.util.function.Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(s.get()));
        return f.get();
    }

}
