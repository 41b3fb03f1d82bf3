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
 * @param minimumProgress the fewest body bytes that must arrive in each {@code progressWindow}; a
 *                        body that trickles slower (one byte every few seconds resets the idle
 *                        timeout forever) counts as stalled
 * @param progressWindow the period over which {@code minimumProgress} is counted
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout,
                           int maxRedirects, long minimumProgress, Duration progressWindow) {
    /**
     * 16 KiB a minute is about 2 kbit/s: a GPRS link or the slowest talk-radio stream still loads,
     * a body dripping a byte every few seconds does not.
     */
    public static final HttpSettings DEFAULTS = new HttpSettings(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 10, 16 * 1024, Duration.ofSeconds(60));

    public HttpSettings {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(responseTimeout);
        Objects.requireNonNull(idleTimeout);
        Objects.requireNonNull(progressWindow);
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || responseTimeout.isNegative() || responseTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()
                || progressWindow.isNegative() || progressWindow.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxRedirects < 0) throw new IllegalArgumentException("maxRedirects must be >= 0");
        if (minimumProgress < 0) throw new IllegalArgumentException("minimumProgress must be >= 0");
    }

    public HttpSettings withConnectTimeout(Duration d) { return new HttpSettings(d, responseTimeout, idleTimeout, maxRedirects, minimumProgress, progressWindow); }
    public HttpSettings withResponseTimeout(Duration d) { return new HttpSettings(connectTimeout, d, idleTimeout, maxRedirects, minimumProgress, progressWindow); }
    public HttpSettings withIdleTimeout(Duration d) { return new HttpSettings(connectTimeout, responseTimeout, d, maxRedirects, minimumProgress, progressWindow); }
    /** At least {@code bytes} of body in every {@code window}, or the load counts as stalled. */
    public HttpSettings withMinimumProgress(long bytes, Duration window) { return new HttpSettings(connectTimeout, responseTimeout, idleTimeout, maxRedirects, bytes, window); }
}
