package dev.bufferdeck.session;

import java.util.Objects;

/** Where a window was and how big it was, in screen coordinates. */
public record WindowBounds(double x, double y, double width, double height) {
    public WindowBounds {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("not a window's bounds: " + x + "," + y + " " + width + "x" + height);
        }
    }

    // written out, not generated: see RecordsAtStartTest
    @Override
    public boolean equals(Object o) {
        return o instanceof WindowBounds b && Double.compare(x, b.x) == 0 && Double.compare(y, b.y) == 0
                && Double.compare(width, b.width) == 0 && Double.compare(height, b.height) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y, width, height);
    }
}
