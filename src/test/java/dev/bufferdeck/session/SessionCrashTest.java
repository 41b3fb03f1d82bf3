package dev.bufferdeck.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kills a JVM that is saving the session over and over, and checks the file each time. */
class SessionCrashTest {
    private static final int ROUNDS = 8;

    @TempDir Path dir;

    @Test
    void aKilledSaveLeavesEitherTheOldOrTheNewSessionAndNoLeftovers() throws Exception {
        Random random = new Random();
        Session small = SessionSaveLoop.small();
        Session large = SessionSaveLoop.large();
        int smallSeen = 0;
        int largeSeen = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process child = startSaveLoop();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("saved", out.readLine(), "the child's first save");
                Thread.sleep(random.nextInt(400));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child ends");
            }
            SessionStore.Loaded loaded = new SessionStore(dir).load();
            assertEquals(List.of(), loaded.warnings(), "round " + round);
            if (loaded.session().equals(small)) smallSeen++;
            else if (loaded.session().equals(large)) largeSeen++;
            else throw new AssertionError("round " + round + ": the session is neither the old nor the new one");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(dir.resolve(SessionStore.FILE_NAME)), files.toList(),
                        "load removes what a killed save left beside the session file");
            }
        }
        System.out.printf("SessionCrashTest: %d kills, found the small session %d times and the large one %d times%n",
                ROUNDS, smallSeen, largeSeen);
    }

    private Process startSaveLoop() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx128m", "-cp", classPath, SessionSaveLoop.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
