package dev.bufferdeck.ui.services;

import dev.bufferdeck.source.Cancellation;

/** Set by the UI's cancel button, read by the loader thread. */
public final class CancelFlag {
    private final Cancellation cancellation = new Cancellation();

    public void cancel() { cancellation.cancel(); }
    public boolean isCancelled() { return cancellation.isCancelled(); }
    /** The sources layer's view of the same flag (it aborts a download in flight). */
    public Cancellation cancellation() { return cancellation; }
}
