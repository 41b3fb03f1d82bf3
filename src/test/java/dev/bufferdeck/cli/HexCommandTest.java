package dev.bufferdeck.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HexCommandTest {
    private static boolean hexdumpAvailable;

    @BeforeAll
    static void findHexdump() {
        try {
            Process p = new ProcessBuilder("hexdump", "-C", "/dev/null").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            hexdumpAvailable = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            hexdumpAvailable = false;
        }
        if (!hexdumpAvailable) {
            System.err.println("WARNING: hexdump is not installed; HexCommandTest skips the comparison with hexdump -C");
            if (Boolean.getBoolean("bufferdeck.requireHexdump")) {
                throw new AssertionError("hexdump is required (-Dbufferdeck.requireHexdump=true) but not installed");
            }
        }
    }

    @Test
    void outputIsByteForByteWhatHexdumpPrintsForManySizesOffsetsAndLengths(@TempDir Path dir) throws Exception {
        assumeTrue(hexdumpAvailable, "hexdump is not installed: comparison with hexdump -C skipped");
        Random random = new Random(7);
        int[] sizes = {0, 1, 15, 16, 17, 32, 33, 48, 100, 257, 1000, 4103};
        int compared = 0;
        for (int size : sizes) {
            for (String pattern : List.of("noise", "zeros", "runs")) {
                Path file = dir.resolve(pattern + "-" + size + ".bin");
                Files.write(file, content(pattern, size, random));
                List<long[]> ranges = new ArrayList<>();
                for (long offset : new long[] {0, 1, 16, 17, size / 2, size - 1L, size, size + 5L}) {
                    if (offset < 0) continue;
                    ranges.add(new long[] {offset, -1});
                    for (long length : new long[] {0, 1, 15, 16, 17, 33, 5000}) ranges.add(new long[] {offset, length});
                }
                for (int i = 0; i < 4; i++) ranges.add(new long[] {random.nextInt(size + 20), random.nextInt(size + 40)});
                for (long[] range : ranges) {
                    compare(file, range[0], range[1]);
                    compared++;
                }
            }
        }
        System.out.println("HexCommandTest: compared " + compared + " dumps with hexdump -C");
    }

    @Test
    void hexOffsetsAreAcceptedLikeDecimalOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.bin");
        Files.write(file, content("noise", 300, new Random(1)));
        CliRun hex = CliRun.of("hex", "--offset", "0x20", "--length", "0X40", file.toString());
        CliRun dec = CliRun.of("hex", "--offset=32", "--length=64", file.toString());
        assertEquals(0, hex.status());
        assertArrayEquals(dec.stdout(), hex.stdout());
        assertTrue(hex.out().startsWith("00000020  "));
        assertTrue(hex.out().endsWith("\n00000060\n"));
    }

    @Test
    void expectedOutputWithoutHexdump(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hello.txt");
        Files.writeString(file, "Hello world, this is a test of hexdump!\n", StandardCharsets.US_ASCII);
        CliRun run = CliRun.of("hex", "-s", "5", "-n", "10", file.toString());
        assertEquals(0, run.status());
        assertEquals("00000005  20 77 6f 72 6c 64 2c 20  74 68                    | world, th|\n0000000f\n", run.out());
        assertEquals("", run.stderr());
    }

    @Test
    void badUsageExitsWith2AndAUsageLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.bin");
        Files.write(file, new byte[10]);
        for (String[] args : List.of(new String[] {}, new String[] {"--offset", "-3", file.toString()},
                new String[] {"--length", "ten", file.toString()}, new String[] {"--bogus", "1", file.toString()},
                new String[] {file.toString(), file.toString()}, new String[] {"--offset"},
                new String[] {"--offset", "99999999999999999999", file.toString()})) {
            CliRun run = CliRun.of("hex", args);
            assertEquals(2, run.status(), Arrays.toString(args));
            assertTrue(run.stderr().contains("usage: bufferdeck hex"), run.stderr());
            assertEquals(0, run.stdout().length);
        }
    }

    @Test
    void aMissingSourceExitsWith1AndOneLine(@TempDir Path dir) {
        CliRun run = CliRun.of("hex", dir.resolve("nope.bin").toString());
        assertEquals(1, run.status());
        assertEquals(1, run.errLines().size(), run.stderr());
        assertTrue(run.stderr().contains("nope.bin"));
    }

    private static void compare(Path file, long offset, long length) throws Exception {
        List<String> ours = new ArrayList<>(List.of("--offset", Long.toString(offset)));
        List<String> theirs = new ArrayList<>(List.of("hexdump", "-C", "-s", Long.toString(offset)));
        if (length >= 0) {
            ours.addAll(List.of("--length", Long.toString(length)));
            theirs.addAll(List.of("-n", Long.toString(length)));
        }
        ours.add(file.toString());
        theirs.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(theirs);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        byte[] expected = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        CliRun run = CliRun.of("hex", ours.toArray(String[]::new));
        assertEquals(0, run.status(), run.stderr());
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1), new String(run.stdout(), StandardCharsets.ISO_8859_1),
                file.getFileName() + " offset " + offset + " length " + length);
    }

    /** Noise, all zeros, or runs of repeated 16-byte rows that do and do not line up with the rows. */
    private static byte[] content(String pattern, int size, Random random) {
        byte[] bytes = new byte[size];
        switch (pattern) {
            case "noise" -> random.nextBytes(bytes);
            case "runs" -> {
                int p = 0;
                while (p < size) {
                    int run = 16 * (1 + random.nextInt(5)) + (random.nextBoolean() ? 0 : random.nextInt(16));
                    byte value = (byte) (random.nextBoolean() ? 'A' + random.nextInt(3) : 0);
                    for (int i = p; i < Math.min(size, p + run); i++) bytes[i] = value;
                    p += run;
                }
            }
            default -> { }
        }
        return bytes;
    }
}
