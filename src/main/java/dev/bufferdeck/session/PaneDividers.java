package dev.bufferdeck.session;

import java.util.Objects;

/**
 * Where the user left the main window's dividers.
 *
 * @param library        the library | inspector divider, as a fraction of the split's width (0 to 1);
 *                       NaN leaves it to the window
 * @param regions        the hex view | region tree divider, as a fraction of its split's width (0 to 1);
 *                       NaN leaves it to the window
 * @param regionTreeShown false when the user collapsed the region tree to a strip
 */
public record PaneDividers(double library, double regions, boolean regionTreeShown) {
    public PaneDividers {
        if (!fraction(library) || !fraction(regions)) {
            throw new IllegalArgumentException("divider positions are fractions between 0 and 1: " + library + ", " + regions);
        }
    }

    private static boolean fraction(double v) {
        return Double.isNaN(v) || (v >= 0 && v <= 1);
    }

    // written out, not generated: see RecordsAtStartTest
    @Override
    public boolean equals(Object o) {
        return o instanceof PaneDividers d && Double.compare(library, d.library) == 0
                && Double.compare(regions, d.regions) == 0 && regionTreeShown == d.regionTreeShown;
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, regions, regionTreeShown);
    }
}
