package dev.bufferdeck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second JVM of a {@code java -jar} start: its command line, the archive's name, and when there is none. */
class ClassDataRelaunchTest {
    private static final List<String> USER = List.of("-Xmx512m", "-jar", "/opt/x/bufferdeck.jar", "song.mp3");

    private static final Path JAR = Path.of("/opt/x/bufferdeck.jar");

    @Test
    void withAnArchiveTheSecondJvmMapsItAndKeepsTheUsersOptionsAndArguments() {
        Path archive = Path.of("/cache/classes-ab.jsa");
        ClassDataRelaunch.Plan plan = ClassDataRelaunch.plan("/usr/bin/java", USER, JAR, archive, true, false, 42);
        List<String> c = plan.command();
        assertEquals("/usr/bin/java", c.get(0));
        assertTrue(c.contains("-XX:SharedArchiveFile=/cache/classes-ab.jsa") && c.contains("-Xshare:auto"), c.toString());
        assertTrue(c.contains("-XX:-UsePerfData"), "no hsperfdata file");
        assertTrue(c.containsAll(ClassDataRelaunch.JIT_OPTIONS) && c.containsAll(ClassDataRelaunch.GC_OPTIONS), "the launcher's JIT and GC options");
        assertTrue(c.contains("-D" + ClassDataRelaunch.RELAUNCHED + "=true"), "the second JVM opens the window itself");
        assertEquals(USER, c.subList(c.size() - USER.size(), c.size()), "the user's options and arguments last, as given");
        assertTrue(plan.classList().isEmpty() && plan.dump().isEmpty());
    }

    @Test
    void withoutOneTheSecondJvmListsItsClassesForADumpAfterItUnderAnotherName() {
        Path archive = Path.of("/cache/classes-ab.jsa");
        ClassDataRelaunch.Plan plan = ClassDataRelaunch.plan("/usr/bin/java", USER, JAR, archive, false, false, 42);
        assertEquals(Path.of("/cache/classes-ab.jsa.42.tmp"), plan.classList().orElseThrow());
        assertTrue(plan.command().contains("-XX:DumpLoadedClassList=/cache/classes-ab.jsa.42.tmp"), plan.command().toString());
        assertFalse(plan.command().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")));
        assertEquals(Path.of("/cache/classes-ab.jsa.42.tmp.jsa"), plan.dumping());
        assertEquals(List.of("/usr/bin/java", "-Xshare:dump", "-XX:SharedClassListFile=/cache/classes-ab.jsa.42.tmp",
                "-XX:SharedArchiveFile=/cache/classes-ab.jsa.42.tmp.jsa", "-Xlog:cds=off", "-cp", "/opt/x/bufferdeck.jar"), plan.dump());
    }

    @Test
    void onlyTheArchiveBesideTheJarIsGivenToTheSecondJvmToRemoveWhenItDoesNotMapIt() {
        Path beside = Path.of("/opt/x/bufferdeck-ab.jsa");
        List<String> c = ClassDataRelaunch.plan("/usr/bin/java", USER, JAR, beside, true, true, 42).command();
        assertTrue(c.contains("-D" + ClassDataRelaunch.ARCHIVE + "=" + beside), c.toString());
        List<String> cached = ClassDataRelaunch.plan("/usr/bin/java", USER, JAR, Path.of("/cache/classes-ab.jsa"), true, false, 42).command();
        assertFalse(cached.stream().anyMatch(a -> a.startsWith("-D" + ClassDataRelaunch.ARCHIVE)), cached.toString());
    }

    @Test
    void theSecondJvmNamesTheJarAsTheArchiveWasDumpedWith() {
        List<String> relative = List.of("-jar", "target/bufferdeck.jar", "song.mp3");
        List<String> c = ClassDataRelaunch.plan("/usr/bin/java", relative, JAR, Path.of("/cache/classes-ab.jsa"), true, false, 42).command();
        assertEquals(List.of("-jar", "/opt/x/bufferdeck.jar", "song.mp3"), c.subList(c.size() - 3, c.size()));
    }

    @Test
    void theArchivesNameChangesWithTheJarsBuild(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("bufferdeck.jar"), new byte[] {1, 2, 3});
        String first = ClassDataRelaunch.key(jar);
        assertEquals(first, ClassDataRelaunch.key(jar));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertNotEquals(first, ClassDataRelaunch.key(jar), "a rebuilt jar gets an archive of its own");
        assertTrue(first.matches("[0-9a-f]{16}"), first);
    }

    @Test
    void theArchiveMvnPackageDumpedBesideTheJarIsMappedBeforeTheCachesAndOnlyForThatBuild(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("bufferdeck.jar"), new byte[] {1, 2, 3});
        Path cache = Files.createDirectories(dir.resolve("cache"));
        List<Path> archives = ClassDataRelaunch.archives(jar, cache);
        Path beside = archives.get(0);
        Path inCache = archives.get(1);
        assertEquals(dir.resolve("bufferdeck-" + ClassDataRelaunch.key(jar) + ".jsa"), beside);
        assertEquals(cache.resolve("classes-" + ClassDataRelaunch.key(jar) + ".jsa"), inCache);
        assertTrue(ClassDataRelaunch.madeArchive(archives).isEmpty(), "none made: the first start lists its classes");

        Files.write(inCache, new byte[] {1});
        assertEquals(inCache, ClassDataRelaunch.madeArchive(archives).orElseThrow());
        Files.write(beside, new byte[0]);
        assertEquals(inCache, ClassDataRelaunch.madeArchive(archives).orElseThrow(), "an empty file is no archive");
        Files.write(beside, new byte[] {1});
        assertEquals(beside, ClassDataRelaunch.madeArchive(archives).orElseThrow());

        Files.write(jar, new byte[] {1, 2, 3, 4});
        List<Path> rebuilt = ClassDataRelaunch.archives(jar, cache);
        assertTrue(ClassDataRelaunch.madeArchive(rebuilt).isEmpty(), "the jar was rebuilt: neither archive is its own");
        assertEquals(dir, rebuilt.get(0).getParent());
    }

    @Test
    void keepingAnArchiveRemovesTheOthersOfItsKindOnly(@TempDir Path dir) throws Exception {
        Path kept = Files.write(dir.resolve("bufferdeck-0123456789abcdef.jsa"), new byte[] {1});
        Path older = Files.write(dir.resolve("bufferdeck-fedcba9876543210.jsa"), new byte[] {1});
        Path cached = Files.write(dir.resolve("classes-fedcba9876543210.jsa"), new byte[] {1});
        Path dumping = Files.write(dir.resolve("bufferdeck-fedcba9876543210.jsa.dumping"), new byte[] {1});
        ClassDataRelaunch.removeOtherArchives(kept);
        assertTrue(Files.exists(kept) && Files.exists(cached) && Files.exists(dumping));
        assertFalse(Files.exists(older), "an older build's archive is never mapped again");
    }

    @Test
    void theArchiveGoesToTheUsersCacheFolder() {
        assertEquals(Path.of("/home/u/.cache/bufferdeck"), ClassDataRelaunch.cacheDir(Map.of("HOME", "/home/u")).orElseThrow());
        assertEquals(Path.of("/xdg/bufferdeck"), ClassDataRelaunch.cacheDir(Map.of("HOME", "/home/u", "XDG_CACHE_HOME", "/xdg")).orElseThrow());
    }

    @Test
    void aDumpWhoseStartIsGoneIsRemovedAndOneStillBeingWrittenIsNot(@TempDir Path dir) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path gone = Files.write(dir.resolve("classes-ab.jsa." + ended.pid() + ".tmp"), new byte[] {1});
        Path goneDump = Files.write(dir.resolve("classes-ab.jsa." + ended.pid() + ".tmp.jsa"), new byte[] {1});
        Path writing = Files.write(dir.resolve("classes-ab.jsa." + ProcessHandle.current().pid() + ".tmp"), new byte[] {1});
        Path dumping = Files.write(dir.resolve("classes-ab.jsa." + ProcessHandle.current().pid() + ".tmp.jsa"), new byte[] {1});
        Path archive = Files.write(dir.resolve("classes-ab.jsa"), new byte[] {1});
        ClassDataRelaunch.removeStaleDumps(dir);
        assertFalse(Files.exists(gone) || Files.exists(goneDump), "its start was killed: nobody will keep them");
        assertTrue(Files.exists(writing) && Files.exists(dumping), "its start still runs");
        assertTrue(Files.exists(archive));
    }

    @Test
    void testsAndBuildsRunFromClassFoldersAndOpenTheWindowInTheirOwnJvm() {
        assertTrue(ClassDataRelaunch.plan().isEmpty(), "loaded from target/classes, not a jar");
    }

    @Test
    void preventiveCollectionsAreTurnedOffOnlyWhereTheJvmStillHasThem() {
        List<String> jdk17 = ClassDataRelaunch.gcOptions(17);
        int unlock = jdk17.indexOf("-XX:+UnlockDiagnosticVMOptions"), off = jdk17.indexOf("-XX:-G1UsePreventiveGC");
        assertTrue(unlock >= 0 && off > unlock, "the diagnostic option is unlocked before it is set: " + jdk17);
        assertFalse(ClassDataRelaunch.gcOptions(21).contains("-XX:-G1UsePreventiveGC"), "JDK 21 removed the option (it would warn)");
        assertTrue(ClassDataRelaunch.gcOptions(21).containsAll(List.of("-XX:InitiatingHeapOccupancyPercent=70", "-XX:NewSize=40m")));
    }

    @Test
    void thisJvmStartsWithTheLaunchersOptionsAndSaysNothingAboutThem() throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LauncherOptions.options());
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), out);
        assertFalse(out.contains("warning") || out.contains("Ignoring option"), out);
        if (Runtime.version().feature() < 20) {
            assertTrue(out.lines().anyMatch(l -> l.matches("\\s*bool G1UsePreventiveGC\\s+= false.*")), "preventive collections off");
        }
    }

    @Test
    void theInstalledLauncherGetsTheSameJitAndGcOptions() throws Exception {
        String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
        for (String option : LauncherOptions.options()) {
            assertTrue(pom.contains("<arg value=\"--java-options\"/><arg value=\"" + option + "\"/>"), option + " in the installer's java-options");
        }
    }
}
