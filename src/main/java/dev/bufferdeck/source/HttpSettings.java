package dev.bufferdeck.source;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for URL loads.
 *
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param responseTimeout how long to wait from sending the request to the response head
 * @param idleTimeout how long the body may go without a single byte before the load counts as stalled
 * @param maxRedirects how many redirects to follow before giving up
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout,
                           int maxRedirects) {
    public static final HttpSettings DEFAULTS = new HttpSettings(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 10);

    public HttpSettings {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(responseTimeout);
        Objects.requireNonNull(idleTimeout);
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || responseTimeout.isNegative() || responseTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0");
    }

    public HttpSettings withConnectTimeout(Duration d) { return new HttpSettings(d, responseTimeout, idleTimeout, maxRedirects); }
    public HttpSettings withResponseTimeout(Duration d) { return new HttpSettings(connectTimeout, d, idleTimeout, maxRedirects); }
    public HttpSettings withIdleTimeout(Duration d) { return new HttpSettings(connectTimeout, responseTimeout, d, maxRedirects); }
    public HttpSettings withMaxRedirects(int n) { return new HttpSettings(connectTimeout, responseTimeout, idleTimeout, n); }
}
