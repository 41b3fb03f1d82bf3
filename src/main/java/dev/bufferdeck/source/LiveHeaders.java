package dev.bufferdeck.source;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

import java.util.Locale;

/** What a response's headers say about an endless stream: Icecast/Shoutcast, and its ICY metadata interval. */
final class LiveHeaders {
    private LiveHeaders() {}

    /**
     * True for a body without a length from an Icecast or Shoutcast server, or one that carries ICY
     * headers ({@code icy-metaint}, {@code icy-name}, {@code icy-br}, ...): internet radio.
     */
    static boolean isLive(ClassicHttpResponse response, long length) {
        if (length >= 0) return false;
        for (Header h : response.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("icy-") || name.equals("ice-audio-info")) return true;
        }
        String server = UrlNaming.headerValue(response, "Server").toLowerCase(Locale.ROOT);
        return server.contains("icecast") || server.contains("shoutcast");
    }

    /** Media bytes between ICY metadata blocks, or 0 when the stream sends none (or says nonsense). */
    static int metaint(ClassicHttpResponse response) {
        try {
            int n = Integer.parseInt(UrlNaming.headerValue(response, "icy-metaint").strip());
            return n > 0 && n <= 1 << 20 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
