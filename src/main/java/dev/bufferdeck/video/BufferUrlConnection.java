package dev.bufferdeck.video;

import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaBuffer;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;

/**
 * A connection to one leased buffer. Its stream reads the buffer's own array (no copy), and its
 * {@code skip} is immediate, so a player that seeks by reopening and skipping costs nothing. On a
 * buffer still loading it behaves like our decoders: reads and skips wait for bytes still arriving,
 * the length is the one the load announced (-1 when unknown), and a cancelled or failed load ends
 * the stream with its reason.
 */
final class BufferUrlConnection extends URLConnection {
    private MediaBuffer buffer;

    BufferUrlConnection(URL url) {
        super(url);
    }

    @Override
    public void connect() throws FileNotFoundException {
        if (connected) return;
        buffer = BufferUrls.resolve(url.getPath()).orElseThrow(() -> new FileNotFoundException(
                "No buffer behind " + url + ": its player has closed it, or the URL is not from this run of BufferDeck"));
        connected = true;
    }

    @Override
    public InputStream getInputStream() throws FileNotFoundException {
        connect();
        return buffer.openStream();
    }

    @Override
    public long getContentLengthLong() {
        return connectedBuffer() == null ? -1 : buffer.expectedSize();
    }

    @Override
    public int getContentLength() {
        return (int) getContentLengthLong();
    }

    @Override
    public String getContentType() {
        return connectedBuffer() == null ? null : buffer.detectedFormat().mimeType();
    }

    /** The JDK's header getters cannot throw, so they answer "unknown" for a missing buffer. */
    private MediaBuffer connectedBuffer() {
        try {
            connect();
            return buffer;
        } catch (FileNotFoundException e) {
            return null;
        }
    }
}
