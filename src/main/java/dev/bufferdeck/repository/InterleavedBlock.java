package dev.bufferdeck.repository;

/**
 * Bytes in a live buffer that are not media but metadata sent between its bytes (an ICY block):
 * {@code offset} counts from the oldest byte the window holds, {@code length} includes the block's
 * length byte, {@code text} is what it says (empty for the frequent empty blocks).
 */
public record InterleavedBlock(long offset, int length, String text) {}
