package dev.bufferdeck.repository;

import dev.bufferdeck.LauncherOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A large buffer removed gives its memory back, in a JVM started with the launchers' options. */
class HeapGiveBackTest {
    private static final int MIB = 1 << 20;

    /**
     * Run in a JVM of its own: holds a 300 MiB buffer and removes it ({@code remove}), or loads 300 MiB
     * outside the heap and removes it ({@code offheap}, or as ten loads of 30 MiB, {@code offheap-small}:
     * the figures are then direct memory), or reads 300 MiB
     * for a load whose reservation then closes unused ({@code failed}), or removes it and holds it 2 s
     * longer, as a window that still shows it would ({@code held}); prints the heap committed before and after.
     */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            MediaRepository repository = new MediaRepository(1L << 30, FormatDetector.NONE);
            java.util.function.LongSupplier memory = args[0].startsWith("offheap") ? Probe::direct : Probe::committed;
            long held;
            if (args[0].startsWith("offheap")) {
                int count = args[0].equals("offheap-small") ? 10 : 1;
                List<MediaBuffer> loaded = new ArrayList<>();
                byte[] chunk = new byte[MIB];
                for (int n = 0; n < count; n++) {
                    chunk[0] = (byte) n;   // no two alike: a duplicate would be dropped at once
                    BufferWriter writer = repository.startLoad("big" + n + ".bin", new Origin.Dropped("application/octet-stream", "big"), "bin", 300L * MIB / count);
                    for (int i = 0; i < 300 / count; i++) writer.write(chunk, 0, chunk.length);
                    loaded.add(writer.complete().buffer());
                }
                held = memory.getAsLong();
                for (MediaBuffer b : loaded) repository.remove(b);
                loaded = null;
            } else if (args[0].equals("failed")) {
                Reservation loading = repository.reserve(300L * MIB);
                byte[] read = new byte[300 * MIB];
                held = memory.getAsLong();
                read = null;
                loading.close();
            } else {
                MediaBuffer b = repository.add(new byte[300 * MIB], "big.bin", new Origin.Dropped("application/octet-stream", "big"), "bin").buffer();
                held = memory.getAsLong();
                repository.remove(b);
                if (args[0].equals("held")) {
                    Thread.sleep(2_000);
                    System.out.println("still held: " + b.size());
                }
                b = null;
            }
            long after = held;
            for (int i = 0; i < 300 && after > held - 200L * MIB; i++) {
                Thread.sleep(100);
                after = memory.getAsLong();
            }
            System.out.println("committed " + held / MIB + " " + after / MIB);
        }

        private static long direct() {
            return ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                    .filter(p -> p.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
        }

        private static long committed() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        }
    }

    @Test
    void theLaunchersJvmStartsAConcurrentCycleForIt() {
        assertTrue(LauncherOptions.options().contains("-XX:+ExplicitGCInvokesConcurrent"));
        assertFalse(HeapGiveBack.explicitCollectionIsConcurrent(), "the test JVM's System.gc() is a full collection: no request here");
    }

    @Test
    void removingALargeBufferGivesItsHeapBack() throws Exception {
        assertGivenBack("remove");
    }

    @Test
    void aBufferStillHeldAWhileAfterItsRemovalIsGivenBackOnceLetGo() throws Exception {
        assertGivenBack("held");
    }

    @Test
    void aLargeLoadHeldOutsideTheHeapGivesThatMemoryBackOnceRemoved() throws Exception {
        assertGivenBack("offheap");
    }

    @Test
    void smallLoadsHeldOutsideTheHeapGiveTheirMemoryBackOnceTheirRemovalsAddUp() throws Exception {
        assertGivenBack("offheap-small");
    }

    @Test
    void aLargeLoadThatFailedGivesItsHeapBack() throws Exception {
        assertGivenBack("failed");
    }

    private static void assertGivenBack(String how) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LauncherOptions.options());
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Probe.class.getName(), how));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), out);
        String[] figures = out.lines().filter(l -> l.startsWith("committed ")).findFirst().orElseThrow().split(" ");
        long held = Long.parseLong(figures[1]), after = Long.parseLong(figures[2]);
        assertTrue(held >= 300, "the buffer was held: " + out);
        assertTrue(after <= held - 200, "at least 200 of the 300 MiB given back: " + held + " MiB held before, " + after + " after");
    }
}
