package dev.bufferdeck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A static class-data archive of the JDK and a jar, dumped from a class list with
 * {@code -Xshare:dump}: the JVM only loads and links the listed classes, nothing runs, no display is
 * needed. {@code mvn package} runs {@link #main} on the built jar with the class list checked in at
 * {@code src/main/cds/bufferdeck.classlist}, so that the first {@code java -jar} start maps an archive
 * too; {@link ClassDataRelaunch} dumps one from a start's own list when there is none beside the jar.
 * A dump is written under another name and moved into place whole, so no start maps half an archive.
 */
final class ClassDataDump {
    private ClassDataDump() {}

    /** The JVM's command that dumps {@code into} from {@code classList} for the class path {@code jar}. */
    static List<String> command(String java, Path classList, Path jar, Path into) {
        return List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + into,
                "-Xlog:cds=off", "-cp", jar.toString());
    }

    /**
     * Runs {@code dump} (which writes {@code dumping}) and, when it succeeded, moves its archive to
     * {@code archive}; the half-written file is removed either way. True when the archive was kept.
     */
    static boolean dumpAndKeep(List<String> dump, Path dumping, Path archive) {
        try {
            Process dumper = new ProcessBuilder(dump).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (waitFor(dumper) != 0 || !Files.isRegularFile(dumping) || Files.size(dumping) == 0) return false;
            Files.move(dumping, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(dumping);
            } catch (IOException e) {
                // a later dump replaces it
            }
        }
    }

    static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // only the child ending ends this wait
            }
        }
    }

    /**
     * {@code java -cp JAR dev.bufferdeck.ClassDataDump JAR CLASSLIST}: the archive beside the jar that
     * {@link ClassDataRelaunch} maps for this jar build and this JDK (older ones there are removed).
     * Prints one line; exits 1 when no archive was made (the jar still starts, making its own).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ClassDataDump JAR CLASSLIST");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toRealPath();
        Path list = Path.of(args[1]);
        Path archive = ClassDataRelaunch.besideJar(jar, ClassDataRelaunch.key(jar));
        Path dumping = archive.resolveSibling(archive.getFileName() + ".dumping");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        if (!Files.isRegularFile(list) || !dumpAndKeep(command(java, list, jar, dumping), dumping, archive)) {
            System.out.println("[class-data] no archive dumped from " + list + " (java -jar makes its own at its first start)");
            System.exit(1);
        }
        ClassDataRelaunch.removeOtherArchives(archive);
        System.out.printf("[class-data] %s (%d MB) dumped in %.1f s from %s%n", archive, Files.size(archive) >> 20,
                (System.nanoTime() - start) / 1e9, list);
    }
}
