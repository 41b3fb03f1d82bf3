package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Problem;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.Optional;

/**
 * The one thing worth telling above the hex view: the bytes are not what the name says, else the
 * first problem in the region tree. Found off the FX thread (a long tree takes a moment to walk).
 *
 * @param message one readable line
 * @param offset  where the bytes that show it begin
 */
public record Finding(String message, long offset) {

    public static Optional<Finding> of(MediaBuffer buffer, RegionTree tree) {
        if (buffer != null && buffer.typeMismatch() && !buffer.mismatchNote().isBlank()) {
            return Optional.of(new Finding(buffer.mismatchNote(), 0));
        }
        if (tree == null) return Optional.empty();
        return tree.firstProblem().map(Finding::of);
    }

    public static Finding of(Problem p) {
        String message = p.message();
        String at = RegionText.hex(p.offset());
        return new Finding(message.contains(at) ? message : message + " at " + at, p.offset());
    }
}
