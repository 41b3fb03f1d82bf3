package dev.bufferdeck.playlist;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * XSPF (XML Shareable Playlist Format). Parsing refuses any DOCTYPE, so external entities, external
 * DTDs and entity-expansion bombs never get a chance; the parser also has external access off.
 */
final class XspfCodec {
    static final String NAMESPACE = "http://xspf.org/ns/0/";
    /** A playlist needs four levels; this bounds the recursion of DOM text gathering. */
    static final int MAX_DEPTH = 64;
    private static final String DOCTYPE_REFUSED =
            "refused: the file has a DOCTYPE (DTDs and entity declarations are not accepted in a playlist)";

    private XspfCodec() {}

    static List<PlaylistEntry> read(byte[] bytes, String playlistOrigin) throws PlaylistFormatException {
        Document doc = parse(bytes);
        Element root = doc.getDocumentElement();
        if (!"playlist".equals(localName(root))) {
            throw new PlaylistFormatException("not an XSPF playlist: the root element is <" + localName(root) + ">, not <playlist>");
        }
        List<PlaylistEntry> entries = new ArrayList<>();
        for (Element trackList : children(root, "trackList")) {
            for (Element track : children(trackList, "track")) {
                String location = firstText(track, "location");
                if (location.isEmpty()) continue;
                long duration = PlaylistEntry.UNKNOWN_DURATION;
                try {
                    duration = Long.parseLong(firstText(track, "duration"));
                } catch (NumberFormatException ignored) {
                    // no duration, or not a number: unknown
                }
                entries.add(PlaylistEntry.unloaded(Locations.resolveUri(location, playlistOrigin), firstText(track, "title"), duration));
            }
        }
        return entries;
    }

    static byte[] write(List<PlaylistEntry> entries) {
        StringBuilder sb = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<playlist version=\"1\" xmlns=\"").append(NAMESPACE).append("\">\n")
                .append("  <trackList>\n");
        for (PlaylistEntry e : entries) {
            sb.append("    <track>\n");
            sb.append("      <location>").append(escape(Locations.toUri(e.origin()))).append("</location>\n");
            if (!e.title().isEmpty()) sb.append("      <title>").append(escape(e.title())).append("</title>\n");
            if (e.durationMillis() >= 0) sb.append("      <duration>").append(e.durationMillis()).append("</duration>\n");
            sb.append("    </track>\n");
        }
        sb.append("  </trackList>\n</playlist>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text content escaped for XML; characters XML 1.0 cannot hold at all are dropped. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) sb.appendCodePoint(c);
                }
            }
        }
        return sb.toString();
    }

    private static Document parse(byte[] bytes) throws PlaylistFormatException {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("maxElementDepth")) {
                throw new PlaylistFormatException("not valid XML: elements are nested deeper than " + MAX_DEPTH + " levels", e);
            }
            if (message.contains("DOCTYPE")) throw new PlaylistFormatException("XSPF playlist " + DOCTYPE_REFUSED, e);
            throw new PlaylistFormatException("not valid XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + message, e);
        } catch (SAXException e) {
            throw new PlaylistFormatException("not valid XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new PlaylistFormatException("cannot parse the XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override public void warning(SAXParseException e) {}
        @Override public void error(SAXParseException e) throws SAXParseException { throw e; }
        @Override public void fatalError(SAXParseException e) throws SAXParseException { throw e; }
    };

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) out.add(e);
        }
        return out;
    }

    private static String firstText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }
}
