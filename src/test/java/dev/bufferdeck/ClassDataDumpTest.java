package dev.bufferdeck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real dumps and real JVMs started with the window JVM's options: the archive a dump keeps is mapped,
 * and one the JVM cannot map (damaged, or its jar changed) is skipped without a word.
 */
class ClassDataDumpTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Run by the JVMs under test as the window's JVM: says whether the JVM maps a class-data archive. */
    static final class VmInfo {
        public static void main(String[] args) {
            ClassDataRelaunch.plan();
            System.out.println(System.getProperty("java.vm.info"));
        }
    }

    private record Run(int status, String out, String err) {}

    @Test
    void theArchiveADumpKeepsIsMappedAndADamagedOrStaleOneIsSkippedWithoutAWordAndRemoved(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("app.jar"), 0);
        Path list = Files.writeString(dir.resolve("app.classlist"),
                "# three classes, one from the jar: the JVM checks the jar only when the archive holds its classes\n"
                        + "java/lang/Object\njava/lang/String\n" + VmInfo.class.getName().replace('.', '/') + "\n");
        Path archive = dir.resolve("app.jsa");
        Path dumping = dir.resolve("app.jsa.dumping");
        assertTrue(ClassDataDump.dumpAndKeep(ClassDataDump.command(JAVA, list, jar, dumping), dumping, archive));
        assertTrue(Files.size(archive) > 0 && !Files.exists(dumping), "kept under its own name once whole");

        Run mapped = start(archive, jar);
        assertEquals(0, mapped.status(), mapped.err());
        assertTrue(mapped.out().contains("sharing"), "mapped: " + mapped.out());
        assertEquals("", mapped.err());
        assertTrue(Files.exists(archive), "a mapped archive is kept");

        Path damaged = dir.resolve("damaged.jsa");
        Files.write(damaged, Arrays.copyOf(Files.readAllBytes(archive), (int) Files.size(archive) / 2));
        assertSkippedWithoutAWordAndRemoved(damaged, jar);
        assertSkippedWithoutAWordAndRemoved(Files.write(dir.resolve("garbage.jsa"), new byte[8192]), jar);

        jar(jar, 1);
        assertSkippedWithoutAWordAndRemoved(archive, jar);
    }

    @Test
    void aFailedDumpKeepsNothing(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("app.jar"), 0);
        Path archive = dir.resolve("app.jsa");
        Path dumping = dir.resolve("app.jsa.dumping");
        assertFalse(ClassDataDump.dumpAndKeep(ClassDataDump.command(JAVA, dir.resolve("no.classlist"), jar, dumping),
                dumping, archive));
        assertFalse(Files.exists(archive) || Files.exists(dumping));
    }

    private static void assertSkippedWithoutAWordAndRemoved(Path archive, Path jar) throws Exception {
        Run run = start(archive, jar);
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("sharing"), "not mapped: " + run.out());
        assertEquals("", run.err(), "nothing said about the archive");
        assertFalse(Files.exists(archive), "the next start makes one that maps");
    }

    /** A JVM with the options ClassDataRelaunch gives the window's JVM, mapping {@code archive} as the one beside the jar. */
    private static Run start(Path archive, Path jar) throws Exception {
        List<String> plan = ClassDataRelaunch.plan(JAVA, List.of("-jar", jar.toString()), jar, archive, true, true, 1).command();
        List<String> command = new ArrayList<>(plan.subList(0, plan.indexOf("-jar")));
        command.addAll(List.of("-cp", jar.toString(), VmInfo.class.getName()));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    /** A jar of {@link VmInfo}, the classes it runs, and {@code entries} small files (its size changes with them). */
    private static Path jar(Path at, int entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(at); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> c : List.of(VmInfo.class, ClassDataRelaunch.class, ClassDataRelaunch.Plan.class, ClassDataDump.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (var in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
            }
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new JarEntry("entry" + i + ".txt"));
                out.write(new byte[100]);
            }
        }
        return at;
    }
}
