package dev.bufferdeck.ui.notify;

/** One line for the user. */
public record Notice(String text, boolean error) {}
