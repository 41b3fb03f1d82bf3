package dev.bufferdeck.repository;

/** The buffer that holds the loaded bytes; {@code duplicate} when it was already there. */
public record AddResult(MediaBuffer buffer, boolean duplicate) {}
