package dev.bufferdeck.format.regions;

/** Something wrong found at a byte offset: a size past the end, a lost sync, a CRC mismatch. */
public record Problem(long offset, String message) {
    @Override
    public String toString() {
        return String.format("0x%X: %s", offset, message);
    }
}
