package dev.bufferdeck.ui.services;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set by the UI's cancel button, read by the loader thread. */
public final class CancelFlag {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() { cancelled.set(true); }
    public boolean isCancelled() { return cancelled.get(); }
}
