package dev.bufferdeck.audio.shaping;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * a × b + c, fused into one instruction where the processor has FMA (one rounding, and half the
 * instructions of a biquad), else as a multiply and an add: without FMA, {@link Math#fma} falls back to
 * arbitrary-precision arithmetic, hundreds of times slower. The choice is a constant, so the JIT keeps
 * only one of the two in the compiled loop.
 */
final class MultiplyAdd {
    static final boolean FUSED = fusedInHardware();

    private MultiplyAdd() {}

    static double of(double a, double b, double c) {
        return FUSED ? Math.fma(a, b, c) : a * b + c;
    }

    private static boolean fusedInHardware() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or the option is unknown: stay with plain multiply and add
        }
    }
}
