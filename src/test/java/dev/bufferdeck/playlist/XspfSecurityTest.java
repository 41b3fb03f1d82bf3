package dev.bufferdeck.playlist;

import dev.bufferdeck.source.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** XSPF import must not read local files, fetch URLs, or expand entity bombs. */
class XspfSecurityTest {
    private static final String REFUSED =
            "XSPF playlist refused: the file has a DOCTYPE (DTDs and entity declarations are not accepted in a playlist)";

    @TempDir Path dir;

    private static PlaylistFormatException refused(String xml) {
        return assertThrows(PlaylistFormatException.class,
                () -> PlaylistFormat.XSPF.read(xml.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void externalEntityReadingALocalFileIsRefused() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE playlist [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\"><trackList><track>"
                + "<location>/a.mp3</location><title>&xxe;</title></track></trackList></playlist>";
        PlaylistFormatException e = refused(xml);
        assertEquals(REFUSED, e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void externalDtdIsRefusedAndNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackHttpServer server = LoopbackHttpServer.start("test-server-dtd", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY x 'y'>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        })) {
            String url = server.url("/evil.dtd");
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE playlist SYSTEM \"" + url + "\">\n"
                    + "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\"><trackList/></playlist>";
            assertEquals(REFUSED, refused(xml).getMessage());
            String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE playlist [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>\n"
                    + "<playlist version=\"1\"/>";
            assertEquals(REFUSED, refused(parameterEntity).getMessage());
        }
        assertEquals(0, requests.get(), "the DTD URL must never be requested");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE playlist [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) xml.append("&lol").append(i - 1).append(';');
            xml.append("\">\n");
        }
        xml.append("]>\n<playlist version=\"1\"><trackList><track><location>/a</location><title>&lol9;</title></track></trackList></playlist>");
        PlaylistFormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> refused(xml.toString()));
        assertEquals(REFUSED, e.getMessage());
    }

    @Test
    void anUndeclaredEntityReferenceIsAnXmlErrorNotAnExpansion() {
        String xml = "<playlist version=\"1\"><trackList><track><location>/a</location><title>&undeclared;</title></track></trackList></playlist>";
        assertTrue(refused(xml).getMessage().startsWith("not valid XML at line 1"));
    }

    @Test
    void xIncludeIsNotFollowed() throws Exception {
        Path secret = dir.resolve("inc.xml");
        Files.writeString(secret, "<title>INCLUDED</title>");
        String xml = "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<trackList><track><location>/a.mp3</location><xi:include href=\"" + secret.toUri() + "\"/></track></trackList></playlist>";
        PlaylistEntry e = PlaylistFormat.XSPF.read(xml.getBytes(StandardCharsets.UTF_8), null).get(0);
        assertEquals("", e.title());
    }
}
