package dev.bufferdeck.video;

import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

/** Opens {@code resource:} URLs as connections over leased buffers; proxies do not apply to memory. */
final class BufferUrlHandler extends URLStreamHandler {
    @Override
    protected URLConnection openConnection(URL url) {
        return new BufferUrlConnection(url);
    }

    @Override
    protected URLConnection openConnection(URL url, Proxy proxy) {
        return new BufferUrlConnection(url);
    }
}
