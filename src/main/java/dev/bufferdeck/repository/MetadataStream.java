package dev.bufferdeck.repository;

/**
 * A stream over a live buffer's media bytes, which skips the metadata blocks interleaved with them
 * (ICY) and remembers the text of the last one it passed: the metadata for the bytes read now.
 */
public interface MetadataStream {
    /** The text of the last metadata block passed, or null before the first. */
    String metadata();
}
