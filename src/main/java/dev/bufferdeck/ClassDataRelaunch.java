package dev.bufferdeck;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar bufferdeck.jar} opens the window in a second JVM that maps a class-data archive of
 * this jar and the JDK (JDK 17 takes {@code -XX} options only from the command line, never from the
 * jar). The archive beside the jar, dumped by {@code mvn package} (ClassDataDump) for this jar build
 * and this JDK, is mapped from the first start on. Without one (another JDK runs the jar, or the jar
 * was copied), the first start lists the classes it loads ({@code -XX:DumpLoadedClassList}); when it
 * has ended, this JVM dumps a static archive from that list in the user's cache folder, which later
 * starts map. Either way starts take about a third less CPU than one JVM without it (a static
 * archive, with the JDK's classes and its pre-generated method-handle forms in it, takes 6-9 % less CPU
 * than the dynamic archive that {@code -XX:ArchiveClassesAtExit} makes). The second JVM is given the
 * jar's absolute path, the class path the archive was dumped with, and writes no {@code hsperfdata}
 * file. An archive the JVM cannot map (damaged, or the jar changed under the same name) is skipped
 * without a word ({@code -Xshare:auto}, cds logging off). Nothing here may stop the window from
 * opening: whenever the second JVM cannot be started, the window opens in this one. The installed
 * launcher has its own archive and never gets here; {@code -Dbufferdeck.relaunch=false} turns this off.
 */
final class ClassDataRelaunch {
    /** Set on the second JVM, so that it opens the window itself. */
    static final String RELAUNCHED = "bufferdeck.relaunched";
    /** Set on the second JVM given the archive beside the jar to map: the archive's path. */
    static final String ARCHIVE = "bufferdeck.relaunched.archive";
    /** {@code false} opens the window in the JVM started by the user. */
    static final String ENABLED = "bufferdeck.relaunch";
    /** Where the archive goes instead of the user's cache folder. */
    static final String CACHE_DIR = "bufferdeck.cache.dir";
    /**
     * Also in the installed launcher's options (pom.xml): C2 compiles later, so that code run once at
     * start is not compiled twice; hot loops still reach C2 within the first track. C1 inlines less
     * (methods up to 12 bytes instead of 35, 3 levels deep instead of 9): its ~1,250 compilations before
     * the filled window took 45 ms less CPU (2 cores, paired starts), the FX thread no more, and playing
     * an MP3 (scripts/bench-play-cpu.sh) cost no more in any minute.
     */
    static final List<String> JIT_OPTIONS = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000",
            "-XX:C1MaxInlineSize=12", "-XX:C1MaxInlineLevel=3");
    /**
     * Also in the installed launcher's options (pom.xml): G1 starts a concurrent cycle at a humongous
     * allocation (a large piece of media) once the old generation passes the initiating occupancy, a
     * share of the heap committed so far that adaptive IHOP lowers while media arrive fast; each cycle
     * stops the app twice. At a fixed 70 % a 500 MiB load of unknown length ran 3-13 pauses, against
     * 35-60 in cycles back to back in 4 of 5 runs (scripts/bench-gui.sh, paired runs), and the
     * window's longest pulse gap in it was 44-51 ms (43-92 ms). The young generation starts at 40 MB,
     * not G1's 5 % of the initial heap (4 regions of 4 MB on a 24 GiB machine): the start allocates some
     * 45 MB before its filled window, and two young pauses of 9-12 ms, each on both cores, came before it;
     * now one comes after. G1 still sizes the young generation as it likes from the first pause on.
     * On JDK 17-19 G1's preventive collections are off, as JDK 20 made the default (JDK-8293861; 21
     * removed them): a young collection when G1 foresees few free regions, which every large load's
     * humongous pieces made it foresee. In a 500 MiB load there were 9-18 pauses (30-62 ms in all,
     * median 47), 1-15 without (13-46 ms, median 22), and the window's longest pulse gap in it was 29-78 ms
     * (median 40) against 24-49 ms (median 37) (scripts/bench-gui.sh, 7 runs of each in turns).
     * {@link System#gc()} starts a concurrent cycle, not a full collection: the repository asks for one
     * after removing a large buffer, so that G1 gives its memory back (HeapGiveBack).
     * Objects that survive two young collections are promoted ({@code -XX:MaxTenuringThreshold=2}, not up
     * to 15): each concurrent-start pause of a large load copied the same 9 MB of the app's survivors again,
     * into regions the heap had just grown by (20-28 ms a pause, 2-12 with it). Classes are unloaded only by
     * a full collection ({@code -XX:-ClassUnloadingWithConcurrentMark}): it was half of each remark pause
     * (6 of 12 ms); the app makes no classes as it runs but JavaFX's and the JDK's few reflection helpers.
     * With both, the pulse-gap bench (scripts/bench-gui.sh) had 2 gaps over 50 ms in 9 runs of its 7 scenarios
     * (55 and 50 ms, both as a known-length 500 MiB load began), against 8 in 4 runs before (longest 85, most
     * in a 500 MiB load of unknown length). The tenuring first kept a removed 500 MiB buffer in
     * memory (800-830 MiB of RSS a minute later against 206): the buffer's holder had reached the old
     * generation, and the cycle asked for at its removal began while the buffer was still referred to, so
     * HeapGiveBack now waits a second before asking and asks again while the heap kept it.
     * Without class unloading in concurrent cycles, G1 meets metaspace's first threshold (21 MB) with a full
     * collection: a JVM without the class-data archive (a copied jar's first start, -Dbufferdeck.relaunch=false)
     * crossed it a second after its start (22.6 MB; Pause Full (Metadata GC Threshold), 21 ms). The threshold
     * starts at 64 MB ({@code -XX:MetaspaceSize=64m}); with the archive the app holds about 6 MB there.
     * Since then, bodies over 2 MiB are held outside the heap (GrowingBytes): a 500 MiB load makes no
     * collection at all; the options above still shape the rest (the window, whole files, parsing).
     */
    static final List<String> GC_OPTIONS = gcOptions(Runtime.version().feature());

    private ClassDataRelaunch() {}

    /** {@link #GC_OPTIONS} for a JVM of this feature release. */
    static List<String> gcOptions(int feature) {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:-G1UseAdaptiveIHOP",
                "-XX:InitiatingHeapOccupancyPercent=70", "-XX:NewSize=40m", "-XX:MaxTenuringThreshold=2",
                "-XX:-ClassUnloadingWithConcurrentMark", "-XX:MetaspaceSize=64m", "-XX:+ExplicitGCInvokesConcurrent"));
        if (feature < 20) options.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-G1UsePreventiveGC"));
        return List.copyOf(options);
    }

    /**
     * The second JVM's command line and the archive it maps; on a first start, the class list it
     * writes and the command that dumps the archive from it (under another name) once it has ended.
     */
    record Plan(List<String> command, Path archive, Optional<Path> classList, List<String> dump) {
        Path dumping() { return archive.resolveSibling(classList.orElseThrow().getFileName() + ".jsa"); }
    }

    /**
     * The plan for this JVM, or empty when the window should open here: already relaunched, turned
     * off, not started with {@code -jar} on Linux, or started by the installed launcher.
     */
    static Optional<Plan> plan() {
        if (Boolean.getBoolean(RELAUNCHED)) {
            removeArchiveNotMapped();
            return Optional.empty();
        }
        if ("false".equals(System.getProperty(ENABLED))
                || System.getProperty("jpackage.app-path") != null
                || !System.getProperty("os.name", "").startsWith("Linux")) return Optional.empty();
        Optional<Path> jar = ownJar();
        ProcessHandle.Info self = ProcessHandle.current().info();
        Optional<Path> cache = cacheDir(System.getenv());
        if (jar.isEmpty() || self.command().isEmpty() || self.arguments().isEmpty() || cache.isEmpty()
                || !List.of(self.arguments().get()).contains("-jar")) return Optional.empty();
        try {
            List<Path> archives = archives(jar.get(), cache.get());
            Optional<Path> made = madeArchive(archives);
            return Optional.of(plan(self.command().get(), List.of(self.arguments().get()), jar.get(),
                    made.orElse(archives.get(archives.size() - 1)), made.isPresent(),
                    made.equals(Optional.of(archives.get(0))), ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The archives this jar build and this JDK may map, in the order they are preferred: the one
     * {@code mvn package} dumped beside the jar, then the one a first start dumps in the cache folder.
     */
    static List<Path> archives(Path jar, Path cache) throws IOException {
        String key = key(jar);
        return List.of(besideJar(jar, key), cache.resolve("classes-" + key + ".jsa"));
    }

    /** The archive {@code mvn package} dumps for the jar: beside it, named by the jar's build and the JDK. */
    static Path besideJar(Path jar, String key) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-" + key + ".jsa");
    }

    /** The first of these archives that has been made (the one beside the jar before the cache's). */
    static Optional<Path> madeArchive(List<Path> candidates) {
        for (Path archive : candidates) {
            try {
                if (Files.isRegularFile(archive) && Files.size(archive) > 0) return Optional.of(archive);
            } catch (IOException e) {
                // not there after all
            }
        }
        return Optional.empty();
    }

    /**
     * The second JVM: this one's command line with the archive's options before its own and the jar
     * named by its absolute path (JDK 17 maps an archive only for the class path it was dumped with).
     * Only the archive beside the jar is removed by the second JVM when it does not map it: one in the
     * cache was dumped by this JDK for this jar, and when it does not map, options of the user's keep it
     * from mapping (-Xmx over 32 GB, -Xshare:off), which a new dump would not change.
     */
    static Plan plan(String java, List<String> arguments, Path jar, Path archive, boolean archiveMade,
                     boolean removeIfNotMapped, long pid) {
        List<String> command = new ArrayList<>(List.of(java, "-XX:+IgnoreUnrecognizedVMOptions"));
        Optional<Path> classList = Optional.empty();
        List<String> dump = List.of();
        if (archiveMade) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
            if (removeIfNotMapped) command.add("-D" + ARCHIVE + "=" + archive);
        } else {
            classList = Optional.of(archive.resolveSibling(archive.getFileName() + "." + pid + ".tmp"));
            command.add("-XX:DumpLoadedClassList=" + classList.get());
            dump = ClassDataDump.command(java, classList.get(), jar, Path.of(classList.get() + ".jsa"));
        }
        // the JVM's notes on classes it cannot archive (JFR events, old class files) are for us, not the user
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:-UsePerfData"));
        command.addAll(JIT_OPTIONS);
        command.addAll(GC_OPTIONS);
        command.add("-D" + RELAUNCHED + "=true");
        int at = arguments.indexOf("-jar");
        List<String> own = new ArrayList<>(arguments);
        if (at >= 0 && at + 1 < own.size()) own.set(at + 1, jar.toString());
        command.addAll(own);
        return new Plan(List.copyOf(command), archive, classList, dump);
    }

    /**
     * In the second JVM: the archive beside the jar that it was given but did not map (damaged, or made
     * under this name for another jar or JDK) is removed, so that the next start makes one in the cache
     * instead of starting without any class-data sharing, not even the JDK's own ({@code -Xshare:auto}
     * then maps nothing).
     */
    static void removeArchiveNotMapped() {
        String archive = System.getProperty(ARCHIVE);
        if (archive == null || System.getProperty("java.vm.info", "").contains("sharing")) return;
        try {
            Files.deleteIfExists(Path.of(archive));
        } catch (IOException | RuntimeException e) {
            // the next start maps nothing again, and tries again
        }
    }

    /**
     * Runs the plan and returns the second JVM's exit status, or empty when it could not be started.
     * A first start's archive is dumped only if that JVM ended well, and under another name until it
     * is whole, so a start never maps half an archive.
     */
    static OptionalInt run(Plan plan) {
        Process child;
        try {
            Files.createDirectories(plan.archive().getParent());
            removeStaleDumps(plan.archive().getParent());
            child = new ProcessBuilder(plan.command()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // this JVM told to stop (a signal): the window's JVM stops too, and is given time to save the
        // session; a class list or dump it began is not kept (a later start removes one still being written)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // stopping anyway
                }
            }
            if (!child.isAlive() && plan.classList().isPresent()) {
                remove(plan.classList().get());
                remove(plan.dumping());
            }
        }, "bufferdeck-relaunch-stop"));
        int status = ClassDataDump.waitFor(child);
        if (plan.classList().isPresent()) dumpAndKeep(plan, status == 0);
        return OptionalInt.of(status);
    }

    /** The static archive from the first start's class list, kept under its own name once whole. */
    private static void dumpAndKeep(Plan plan, boolean endedWell) {
        Path list = plan.classList().orElseThrow();
        try {
            if (endedWell && Files.isRegularFile(list) && Files.size(list) > 0
                    && ClassDataDump.dumpAndKeep(plan.dump(), plan.dumping(), plan.archive())) {
                removeOtherArchives(plan.archive());
            }
        } catch (IOException | RuntimeException e) {
            // the next start makes it again
        } finally {
            remove(list);
            remove(plan.dumping());
        }
    }

    /**
     * Archives of other builds of the jar or other JDKs, beside this one under the same name but for
     * the key: no start maps them again.
     */
    static void removeOtherArchives(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        String keyed = name.substring(0, name.length() - KEY_LENGTH - ".jsa".length()) + "?".repeat(KEY_LENGTH) + ".jsa";
        try (DirectoryStream<Path> all = Files.newDirectoryStream(archive.getParent(), keyed)) {
            for (Path p : all) if (!p.equals(archive)) Files.deleteIfExists(p);
        }
    }

    private static void remove(Path dump) {
        try {
            Files.deleteIfExists(dump);
        } catch (IOException e) {
            // a later start removes it
        }
    }

    /** Class lists and dumps whose start is gone (killed before it could keep or remove its own): the pid is in the name. */
    static void removeStaleDumps(Path dir) throws IOException {
        try (DirectoryStream<Path> dumps = Files.newDirectoryStream(dir, "classes-*.jsa.*.tmp*")) {
            for (Path p : dumps) {
                String name = p.getFileName().toString();
                int from = name.indexOf(".jsa.") + 5;
                String pid = name.substring(from, name.indexOf('.', from));
                boolean running;
                try {
                    running = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    running = false;
                }
                if (!running) Files.deleteIfExists(p);
            }
        }
    }

    /** The jar this class was loaded from, or empty (classes in a folder: a build, a test). */
    private static Optional<Path> ownJar() {
        try {
            var source = ClassDataRelaunch.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code -Dbufferdeck.cache.dir}, else {@code $XDG_CACHE_HOME/bufferdeck}, else {@code ~/.cache/bufferdeck}. */
    static Optional<Path> cacheDir(Map<String, String> env) {
        String set = System.getProperty(CACHE_DIR);
        if (set != null && !set.isBlank()) return Optional.of(Path.of(set));
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && xdg.startsWith("/")) return Optional.of(Path.of(xdg, "bufferdeck"));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "bufferdeck"));
    }

    /**
     * Names the jar build and the JDK: the JVM maps an archive only with the jar and JDK it was made
     * with. Two 32-bit string hashes, not a message digest: the digest's provider classes cost the
     * starting JVM more than all the rest of its work before the second JVM starts.
     */
    static String key(Path jar) throws IOException {
        String facts = String.join("\n", jar.toAbsolutePath().toString(), Long.toString(Files.size(jar)),
                Long.toString(Files.getLastModifiedTime(jar).toMillis()), System.getProperty("java.home"),
                System.getProperty("java.vm.version"));
        int reversed = 0;
        for (int i = facts.length() - 1; i >= 0; i--) reversed = 131 * reversed + facts.charAt(i);
        return hex(facts.hashCode()) + hex(reversed);
    }

    private static final int KEY_LENGTH = 16;

    private static String hex(int h) {
        String digits = Integer.toHexString(h);
        return "00000000".substring(digits.length()) + digits;
    }
}
