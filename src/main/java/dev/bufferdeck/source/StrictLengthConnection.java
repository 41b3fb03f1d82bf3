package dev.bufferdeck.source;

import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 connection that notices a body longer than its Content-Length. HttpCore stops reading
 * at Content-Length and leaves the surplus on the wire, where it would corrupt the next response;
 * here the end of a Content-Length body fails when bytes are already waiting behind it.
 */
final class StrictLengthConnection extends DefaultManagedHttpClientConnection {

    /** Thrown at the end of a body whose server sent more bytes than it announced. */
    static final class SurplusBodyException extends IOException {
        SurplusBodyException(long announced) {
            super("body longer than the " + announced + " bytes announced by Content-Length");
        }
    }

    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = new HttpConnectionFactory<>() {
        private final AtomicLong counter = new AtomicLong();

        @Override
        public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
            StrictLengthConnection connection = new StrictLengthConnection("bufferdeck-" + counter.incrementAndGet());
            if (socket != null) connection.bind(socket);
            return connection;
        }
    };

    private StrictLengthConnection(String id) {
        super(id);
    }

    @Override
    protected InputStream createContentInputStream(long length, SessionInputBuffer buffer, InputStream socketIn) {
        InputStream body = super.createContentInputStream(length, buffer, socketIn);
        if (length < 0) return body;
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) checkNoSurplus();
                return b;
            }

            @Override
            public int read(byte[] dest, int off, int len) throws IOException {
                int n = super.read(dest, off, len);
                if (n < 0) checkNoSurplus();
                return n;
            }

            private void checkNoSurplus() throws IOException {
                if (buffer.length() > 0 || socketIn.available() > 0) throw new SurplusBodyException(length);
            }
        };
    }
}
