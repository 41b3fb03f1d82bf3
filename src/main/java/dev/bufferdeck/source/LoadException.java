package dev.bufferdeck.source;

import dev.bufferdeck.repository.UrlRedaction;

/**
 * A source could not be loaded. The message is one readable line: the source, a colon, the cause
 * (e.g. {@code http://host/a.mp3: server answered 404 Not Found}).
 */
public final class LoadException extends Exception {

    /** What kind of failure this was, for callers that react differently (a cancel is not an error). */
    public enum Kind {
        CANCELLED, OVER_BUDGET, TOO_LARGE, NOT_FOUND, NOT_READABLE, UNSUPPORTED, HTTP_STATUS,
        REDIRECT, TIMEOUT, NETWORK, BAD_RESPONSE, IO
    }

    private final String source;
    private final Kind kind;
    private final String reason;

    public LoadException(String source, Kind kind, String reason) {
        this(source, kind, reason, null);
    }

    /** Credentials in a URL, in the source or the reason, are redacted ({@code user:***@}). */
    public LoadException(String source, Kind kind, String reason, Throwable cause) {
        super(UrlRedaction.redact(source) + ": " + UrlRedaction.redact(reason), cause);
        this.source = UrlRedaction.redact(source);
        this.kind = kind;
        this.reason = UrlRedaction.redact(reason);
    }

    /** The path or URL as the user gave it, credentials redacted. */
    public String source() { return source; }
    public Kind kind() { return kind; }
    /** The cause alone, without the source. */
    public String reason() { return reason; }
    public boolean isCancelled() { return kind == Kind.CANCELLED; }
}
