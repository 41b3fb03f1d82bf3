package dev.bufferdeck.ui.dnd;

import dev.bufferdeck.source.DropPayload;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Fills a {@link DropPayload} from a Dragboard or Clipboard: files, {@code text/uri-list}
 * ({@link DataFormat#URL}), Mozilla {@code text/x-moz-url}, URLs inside plain text, and, when none
 * of those is there, the first binary content with its MIME type.
 */
public final class ClipboardReader {
    public static final String MOZ_URL = "text/x-moz-url";
    private static final Set<String> TEXT_TYPES = Set.of("text/plain", "text/uri-list", "text/html",
            "text/rtf", MOZ_URL, "utf8_string", "string", "text", "compound_text", "text/unicode");

    private ClipboardReader() {}

    /** The DataFormat for a MIME type, made once (JavaFX refuses to make one twice). */
    public static DataFormat format(String mimeType) {
        DataFormat existing = DataFormat.lookupMimeType(mimeType);
        return existing != null ? existing : new DataFormat(mimeType);
    }

    public static boolean hasUsableContent(Clipboard board) {
        return board.hasFiles() || board.hasUrl() || board.hasString() || !board.getContentTypes().isEmpty();
    }

    public static DroppedItems read(Clipboard board) {
        DropPayload payload = new DropPayload();
        if (board.hasFiles()) payload.addFiles(board.getFiles());
        if (board.hasUrl()) payload.addUriList(board.getUrl());
        DataFormat moz = DataFormat.lookupMimeType(MOZ_URL);
        if (moz != null && board.hasContent(moz)) {
            String text = text(board.getContent(moz));
            if (text != null) payload.addMozUrl(text);
        }
        if (payload.isEmpty() && board.hasString()) {
            String text = board.getString();
            text.lines().map(String::strip).filter(l -> l.regionMatches(true, 0, "file:", 0, 5)).forEach(payload::addUrl);
            payload.addText(text);
        }
        if (payload.isEmpty()) {
            for (DataFormat df : board.getContentTypes()) {
                String mime = mimeOf(df);
                if (mime == null || TEXT_TYPES.contains(mime)) continue;
                byte[] bytes = bytes(board.getContent(df));
                if (bytes == null || bytes.length == 0) continue;
                payload.addBytes(bytes, mime, "dropped " + mime.substring(mime.indexOf('/') + 1));
                break;
            }
        }
        return new DroppedItems(payload);
    }

    /** The MIME type among a format's identifiers, or null when it has none. */
    static String mimeOf(DataFormat df) {
        for (String id : df.getIdentifiers()) {
            String mime = DropPayload.mimeTypeOf(id);
            if (mime != null) return mime.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String text(Object content) {
        if (content instanceof String s) return s;
        byte[] bytes = bytes(content);
        if (bytes == null) return null;
        boolean utf16 = bytes.length >= 2 && (bytes[1] == 0 || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        return new String(bytes, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object content) {
        if (content instanceof byte[] b) return b;
        if (content instanceof ByteBuffer bb) {
            ByteBuffer d = bb.duplicate();
            byte[] out = new byte[d.remaining()];
            d.get(out);
            return out;
        }
        return null;
    }
}
