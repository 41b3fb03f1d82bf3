package dev.bufferdeck.playlist;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * XSPF (XML Shareable Playlist Format), read as a stream of events: only the entries are kept, never
 * a document tree. Any DOCTYPE is refused as soon as it is seen, so external entities, external DTDs
 * and entity-expansion bombs never get a chance; the parser also has external access off.
 */
final class XspfCodec {
    static final String NAMESPACE = "http://xspf.org/ns/0/";
    private static final String DOCTYPE_REFUSED =
            "refused: the file has a DOCTYPE (DTDs and entity declarations are not accepted in a playlist)";
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private XspfCodec() {}

    /** The fields of the track being read; each holds the text of its first element, descendants' text included. */
    private static final class Track {
        final StringBuilder location = new StringBuilder();
        final StringBuilder title = new StringBuilder();
        final StringBuilder duration = new StringBuilder();
        boolean seenLocation;
        boolean seenTitle;
        boolean seenDuration;
    }

    static List<PlaylistEntry> read(PlaylistSource source, String playlistOrigin) throws IOException, PlaylistFormatException {
        List<PlaylistEntry> entries = new ArrayList<>();
        try (Reader in = XmlText.reader(BoundedInput.open(source))) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                readEvents(xml, entries, playlistOrigin);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (nested instanceof CharacterCodingException) {
                throw new PlaylistFormatException("not valid XML: the bytes are not text in the encoding the file declares", e);
            }
            if (nested instanceof IOException io) throw io;
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf("Message: ");
            if (at >= 0) message = message.substring(at + "Message: ".length());
            if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
                throw new PlaylistFormatException("not valid XML at line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber() + ": " + message.strip(), e);
            }
            throw new PlaylistFormatException("not valid XML: " + message.strip(), e);
        }
        return entries;
    }

    private static void readEvents(XMLStreamReader xml, List<PlaylistEntry> entries, String playlistOrigin)
            throws XMLStreamException, PlaylistFormatException {
        int depth = 0;
        boolean inTrackList = false;
        Track track = null;
        StringBuilder field = null;
        int fieldDepth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new PlaylistFormatException("XSPF playlist " + DOCTYPE_REFUSED);
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > PlaylistLimits.MAX_XML_DEPTH) {
                        throw new PlaylistFormatException("not valid XML: elements are nested deeper than "
                                + PlaylistLimits.MAX_XML_DEPTH + " levels");
                    }
                    String name = xml.getLocalName();
                    if (depth == 1 && !"playlist".equals(name)) {
                        throw new PlaylistFormatException("not an XSPF playlist: the root element is <" + name + ">, not <playlist>");
                    }
                    if (depth == 2) inTrackList = "trackList".equals(name);
                    if (depth == 3 && inTrackList && "track".equals(name)) track = new Track();
                    if (depth == 4 && track != null && field == null) {
                        field = switch (name) {
                            case "location" -> track.seenLocation ? null : track.location;
                            case "title" -> track.seenTitle ? null : track.title;
                            case "duration" -> track.seenDuration ? null : track.duration;
                            default -> null;
                        };
                        if (field != null) fieldDepth = depth;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (field != null && depth == fieldDepth) {
                        String name = xml.getLocalName();
                        track.seenLocation |= name.equals("location");
                        track.seenTitle |= name.equals("title");
                        track.seenDuration |= name.equals("duration");
                        field = null;
                    }
                    if (depth == 3 && track != null) {
                        add(track, entries, playlistOrigin);
                        track = null;
                    }
                    if (depth == 2) inTrackList = false;
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (field != null) append(field, xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                default -> { }
            }
        }
    }

    private static void append(StringBuilder field, char[] text, int start, int length) throws PlaylistFormatException {
        int i = start;
        int end = start + length;
        if (field.length() == 0) {
            while (i < end && Character.isWhitespace(text[i])) i++;
        }
        if (field.length() + (end - i) > PlaylistLimits.MAX_LINE_CHARS) {
            throw new PlaylistFormatException("a track field is longer than " + PlaylistLimits.lineChars()
                    + " (the limit for a field)");
        }
        field.append(text, i, end - i);
    }

    private static void add(Track track, List<PlaylistEntry> entries, String playlistOrigin) throws PlaylistFormatException {
        String location = track.location.toString().strip();
        if (location.isEmpty()) return;
        long duration = PlaylistEntry.UNKNOWN_DURATION;
        try {
            duration = Long.parseLong(track.duration.toString().strip());
        } catch (NumberFormatException ignored) {
            // no duration, or not a number: unknown
        }
        PlaylistLimits.roomForOneMore(entries.size());
        entries.add(PlaylistEntry.unloaded(Locations.resolveUri(location, playlistOrigin), track.title.toString().strip(), duration));
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

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity " + systemId + " refused");
        });
        return f;
    }
}
