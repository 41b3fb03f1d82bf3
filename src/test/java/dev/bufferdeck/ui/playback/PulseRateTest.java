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

/** JavaFX pulses 30 times a second in the app (60 by its own default), unless the user asks for a rate. */
class PulseRateTest {

    /** Pulses counted in 2 s by {@link PulseRateProbe} in a JVM of its own (the rate is read when the toolkit starts). */
    private static int pulsesIn2s(Path tmp, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        command.addAll(List.of(jvmOptions));
        command.add(PulseRateProbe.class.getName());
        Path log = Files.createTempFile(tmp, "probe", ".log");
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe finishes");
        String output = Files.readString(log);
        assertEquals(0, probe.exitValue(), output);
        Matcher m = Pattern.compile("pulses in 2 s: (\\d+)").matcher(output);
        assertTrue(m.find(), output);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theAppPulsesThirtyTimesASecond(@TempDir Path tmp) throws Exception {
        int pulses = pulsesIn2s(tmp);
        assertTrue(pulses >= 40 && pulses <= 64, pulses + " pulses in 2 s; 60 expected at 30 Hz (JavaFX alone: 120)");
    }

    @Test
    void aRateTheUserChoseIsKept(@TempDir Path tmp) throws Exception {
        int pulses = pulsesIn2s(tmp, "-D" + PulseRate.PROPERTY + "=60");
        assertTrue(pulses >= 90, pulses + " pulses in 2 s at 60 Hz");
    }
}
