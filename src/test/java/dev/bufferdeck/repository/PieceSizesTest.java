package dev.bufferdeck.repository;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Large pieces are humongous objects that fill whole G1 regions, whatever the heap. */
class PieceSizesTest {
    private static final long MIB = 1 << 20;
    private static final long GIB = 1L << 30;
    /** A byte array's header with compressed class pointers (the JVM's default on every heap size). */
    private static final int ARRAY_HEADER = 16;

    @Test
    void theRegionSizeIsG1sOwnChoiceForTheHeap() {
        // JDK 17: the maximum heap over 2048, from 1 to 32 MiB, rounded up to a power of two
        assertEquals(MIB, PieceSizes.g1RegionSize(256 * MIB));
        assertEquals(MIB, PieceSizes.g1RegionSize(2 * GIB));
        assertEquals(2 * MIB, PieceSizes.g1RegionSize(4 * GIB));
        assertEquals(4 * MIB, PieceSizes.g1RegionSize(6_320_816_128L), "the default heap of a 24 GB machine");
        assertEquals(16 * MIB, PieceSizes.g1RegionSize(32 * GIB));
        assertEquals(32 * MIB, PieceSizes.g1RegionSize(64 * GIB));
        assertEquals(32 * MIB, PieceSizes.g1RegionSize(1024 * GIB));
    }

    @Test
    void theRegionSizeMatchesTheRunningJvms() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (!vm.getVMOption("UseG1GC").getValue().equals("true")) return;
        long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
        assertEquals(region, PieceSizes.g1RegionSize(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void aLargePieceIsHumongousAndFillsWholeRegionsForEveryRegionSizeUpToItsHeaps() {
        for (long heap = 128 * MIB; heap <= 1024 * GIB; heap *= 2) {
            long piece = PieceSizes.large(heap);
            long object = piece + ARRAY_HEADER;
            for (long region = MIB; region <= PieceSizes.g1RegionSize(heap); region *= 2) {
                assertTrue(object > region / 2, "humongous in regions of " + region + " (heap " + heap + ")");
                long spare = (object + region - 1) / region * region - object;
                assertTrue(spare < PieceSizes.HEADER_ROOM, "a heap of " + heap + " in regions of " + region + " leaves " + spare + " bytes of its last region unused");
            }
            assertTrue(piece >= PieceSizes.LARGE_MIN - PieceSizes.HEADER_ROOM, "at least 8 MiB less the header room");
        }
    }

    @Test
    void aBodyIsHeldInOneArrayInSmallPiecesOrInLargeOnesByItsLength() {
        int small = PieceSizes.small();
        int large = PieceSizes.large();
        assertEquals(large, PieceSizes.forLength(-1), "unknown: large pieces");
        assertEquals(ByteSource.WHOLE, PieceSizes.forLength(0));
        assertEquals(ByteSource.WHOLE, PieceSizes.forLength(small));
        assertEquals(small, PieceSizes.forLength(small + 1L));
        assertEquals(small, PieceSizes.forLength(large));
        assertEquals(large, PieceSizes.forLength(large + 1L));
        assertEquals(large, PieceSizes.forLength(MediaRepository.MAX_BUFFER_SIZE));
        assertTrue(PieceSizes.isLarge(large));
    }
}
