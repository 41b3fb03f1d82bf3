package dev.bufferdeck.ui.playback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JavaFX pulses 60 times a second in the app, unless the user asks for another rate;
 * {@value PulseRate#UNSEEN_HZ} times a second while no window is seen.
 */
class PulseRateTest {

    /** Pulses counted in 2 s by {@link PulseRateProbe} in a JVM of its own (the rate is read when the toolkit starts). */
    private static int pulsesIn2s(Path tmp, String... jvmOptions) throws Exception {
        Matcher m = Pattern.compile("pulses in 2 s: (\\d+)").matcher(probe(tmp, PulseRateProbe.class, jvmOptions));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    /** What {@code probe} printed, run in a JVM of its own under headless Monocle. */
    private static String probe(Path tmp, Class<?> probe, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        command.addAll(List.of(jvmOptions));
        command.add(probe.getName());
        Path log = Files.createTempFile(tmp, "probe", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe finishes");
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void theAppPulsesSixtyTimesASecond(@TempDir Path tmp) throws Exception {
        int pulses = pulsesIn2s(tmp);
        assertTrue(pulses >= 80 && pulses <= 140, pulses + " pulses in 2 s; 120 expected at 60 Hz (60 at 30 Hz)");
    }

    @Test
    void aRateTheUserChoseIsKept(@TempDir Path tmp) throws Exception {
        int pulses = pulsesIn2s(tmp, "-D" + PulseRate.PROPERTY + "=30");
        assertTrue(pulses >= 40 && pulses <= 64, pulses + " pulses in 2 s; 60 expected at 30 Hz");
    }

    /**
     * With an animation running (every wake-up of the pulse timer is then a pulse): 2 pulses a second
     * while the only window is minimised or none shows, 60 while any window is seen, a second one
     * shown while the first is minimised included.
     */
    @Test
    void thePulseTimerSlowsWhileNoWindowIsSeen(@TempDir Path tmp) throws Exception {
        String output = probe(tmp, UnseenPulseProbe.class);
        Matcher m = Pattern.compile("pulses in 2 s ([a-z-]+): (\\d+)").matcher(output);
        java.util.Map<String, Integer> pulses = new java.util.HashMap<>();
        while (m.find()) pulses.put(m.group(1), Integer.parseInt(m.group(2)));
        assertEquals(5, pulses.size(), output);
        for (String seen : List.of("shown", "minimised-other-shown", "shown-again")) {
            assertTrue(pulses.get(seen) >= 80, pulses.get(seen) + " pulses in 2 s " + seen + "; 120 expected at 60 Hz\n" + output);
        }
        for (String unseen : List.of("minimised", "no-window")) {
            assertTrue(pulses.get(unseen) <= 8, pulses.get(unseen) + " pulses in 2 s " + unseen + "; 4 expected at 2 Hz\n" + output);
        }
    }
}
