package dev.bufferdeck.video;

import java.net.URLStreamHandler;
import java.net.spi.URLStreamHandlerProvider;

/**
 * Registers the {@code resource:} scheme with the JDK (through
 * {@code META-INF/services/java.net.spi.URLStreamHandlerProvider}); the JDK has no handler of its own
 * for it, and JavaFX Media reads such URLs with {@code URL.openConnection()}, without a temp file.
 */
public final class BufferUrlHandlerProvider extends URLStreamHandlerProvider {
    @Override
    public URLStreamHandler createURLStreamHandler(String protocol) {
        return BufferUrls.SCHEME.equals(protocol) ? new BufferUrlHandler() : null;
    }
}
