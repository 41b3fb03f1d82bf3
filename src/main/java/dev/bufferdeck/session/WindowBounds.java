package dev.bufferdeck.session;

/** Where a window was and how big it was, in screen coordinates. */
public record WindowBounds(double x, double y, double width, double height) {
    public WindowBounds {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("not a window's bounds: " + x + "," + y + " " + width + "x" + height);
        }
    }
}
