package dev.bufferdeck.ui.dnd;

import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

import java.io.File;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dragboard or Clipboard into {@link DroppedItems}: files, {@code text/uri-list},
 * {@link DataFormat#URL}, Mozilla {@code text/x-moz-url}, URLs inside plain text, and, when none of
 * those is there, any binary content with its MIME type.
 */
public final class ClipboardReader {
    public static final String MOZ_URL = "text/x-moz-url";
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+");
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
        List<Path> files = new ArrayList<>();
        Set<String> urls = new LinkedHashSet<>();
        if (board.hasFiles()) {
            for (File f : board.getFiles()) files.add(f.toPath());
        }
        if (board.hasUrl()) addUriList(board.getUrl(), files, urls);
        DataFormat moz = DataFormat.lookupMimeType(MOZ_URL);
        if (moz != null && board.hasContent(moz)) {
            String text = text(board.getContent(moz));
            if (text != null) {
                String first = text.lines().findFirst().orElse("").strip();
                addUriList(first, files, urls);
            }
        }
        if (files.isEmpty() && urls.isEmpty() && board.hasString()) {
            String text = board.getString();
            addUriList(text, files, urls);
            if (urls.isEmpty()) {
                Matcher m = URL_IN_TEXT.matcher(text);
                while (m.find()) urls.add(trimTrailingPunctuation(m.group()));
            }
        }
        List<DroppedItems.Raw> raw = new ArrayList<>();
        if (files.isEmpty() && urls.isEmpty()) {
            for (DataFormat df : board.getContentTypes()) {
                Object content = board.getContent(df);
                byte[] bytes = bytes(content);
                if (bytes == null || bytes.length == 0) continue;
                String mime = mimeOf(df);
                if (TEXT_TYPES.contains(mime)) continue;
                raw.add(new DroppedItems.Raw(bytes, mime, "dropped " + mime));
                break;
            }
        }
        return new DroppedItems(dedupe(files), new ArrayList<>(urls), raw);
    }

    /** Lines of a {@code text/uri-list} (comments skipped); {@code file:} URIs become files. */
    static void addUriList(String list, List<Path> files, Set<String> urls) {
        if (list == null) return;
        for (String line : list.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("file:")) {
                try {
                    files.add(Path.of(URI.create(s)));
                } catch (RuntimeException ignored) {
                    // not a usable file URI; skip it
                }
            } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
                urls.add(s);
            }
        }
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) end--;
        return url.substring(0, end);
    }

    private static List<Path> dedupe(List<Path> files) {
        return new ArrayList<>(new LinkedHashSet<>(files));
    }

    static String mimeOf(DataFormat df) {
        return df.getIdentifiers().stream().filter(id -> id.contains("/")).findFirst()
                .orElse(df.getIdentifiers().iterator().next()).toLowerCase(Locale.ROOT);
    }

    private static String text(Object content) {
        if (content instanceof String s) return s;
        byte[] bytes = bytes(content);
        if (bytes == null) return null;
        boolean utf16 = bytes.length >= 2 && (bytes[1] == 0 || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        String s = new String(bytes, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
        return s.replace("\uFEFF", "").replace("\u0000", "");
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
