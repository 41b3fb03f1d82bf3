package dev.bufferdeck.ui.services;

/** A load that did not succeed; the message is one readable line naming the source and the cause. */
public final class LoadFailure extends Exception {
    public LoadFailure(String message) { super(message); }
    public LoadFailure(String message, Throwable cause) { super(message, cause); }
}
