package dev.bufferdeck.source;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was dropped (or pasted): files, URLs and raw bytes. The GUI fills it from whatever formats the
 * dragboard offers; the same file or URL offered in several formats is kept once.
 * {@link SourceLoader#load(DropPayload, LoadProgress, Cancellation)} turns it into loads.
 */
public final class DropPayload {
    private static final Pattern HTTP_URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");

    private final Set<String> sources = new LinkedHashSet<>();
    private final List<Data> data = new ArrayList<>();

    /** Bytes another program handed over, with the MIME type it gave them. */
    public record Data(byte[] bytes, String mimeType, String name, String description) {
        public Data {
            Objects.requireNonNull(bytes);
            mimeType = mimeType == null || mimeType.isBlank() ? "application/octet-stream" : mimeType.strip();
            name = name == null || name.isBlank() ? "dropped data" : name.strip();
            description = description == null || description.isBlank() ? "dropped " + mimeType : description.strip();
        }
    }

    public DropPayload addFile(Path file) {
        sources.add(file.toAbsolutePath().toString());
        return this;
    }

    public DropPayload addFiles(List<? extends Object> files) {
        for (Object f : files) {
            if (f instanceof Path p) addFile(p);
            else if (f instanceof File file) addFile(file.toPath());
        }
        return this;
    }

    /** One URL or path as text; {@code file:} URLs become paths so a file offered twice is kept once. */
    public DropPayload addUrl(String url) {
        if (url == null || url.isBlank()) return this;
        String u = url.strip();
        if (u.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                sources.add(Path.of(URI.create(u)).toString());
                return this;
            } catch (RuntimeException e) {
                // kept as given: the load will say what is wrong with it
            }
        }
        sources.add(u);
        return this;
    }

    /** A {@code text/uri-list} body. */
    public DropPayload addUriList(String uriList) {
        parseUriList(uriList).forEach(this::addUrl);
        return this;
    }

    /** A {@code text/x-moz-url} body. */
    public DropPayload addMozUrl(String mozUrl) {
        parseMozUrl(mozUrl).forEach(this::addUrl);
        return this;
    }

    /** Plain text: every http(s) URL in it. */
    public DropPayload addText(String text) {
        urlsInText(text).forEach(this::addUrl);
        return this;
    }

    public DropPayload addBytes(byte[] bytes, String mimeType, String name) {
        data.add(new Data(bytes, mimeType, name, null));
        return this;
    }

    /** Paths and URLs, in the order they were added, each once. */
    public List<String> sources() {
        return List.copyOf(sources);
    }

    public List<Data> data() {
        return List.copyOf(data);
    }

    public boolean isEmpty() {
        return sources.isEmpty() && data.isEmpty();
    }

    /** The URLs of a {@code text/uri-list}: one per line, {@code #} lines are comments. */
    public static List<String> parseUriList(String text) {
        List<String> urls = new ArrayList<>();
        if (text == null) return urls;
        for (String line : clean(text).split("\r\n|\r|\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) urls.add(l);
        }
        return urls;
    }

    /** The URLs of a {@code text/x-moz-url}: lines alternate URL and title. */
    public static List<String> parseMozUrl(String text) {
        List<String> urls = new ArrayList<>();
        if (text == null) return urls;
        String[] lines = clean(text).split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i += 2) {
            String l = lines[i].strip();
            if (!l.isEmpty()) urls.add(l);
        }
        return urls;
    }

    /** Every http or https URL in free text, trailing punctuation left off. */
    public static List<String> urlsInText(String text) {
        List<String> urls = new ArrayList<>();
        if (text == null) return urls;
        Matcher m = HTTP_URL.matcher(clean(text));
        while (m.find()) {
            String url = trimTrailingPunctuation(m.group());
            if (url.length() > "https://".length() - 1 && url.indexOf("://") + 3 < url.length()) urls.add(url);
        }
        return urls;
    }

    /** The MIME type of a dragboard format name such as {@code audio/mpeg}, or null if it is no MIME type. */
    public static String mimeTypeOf(String formatName) {
        if (formatName == null) return null;
        String s = formatName.strip().toLowerCase(Locale.ROOT);
        return s.matches("[a-z0-9.+-]+/[a-z0-9.+-]+(;.*)?") ? s : null;
    }

    // Firefox hands text/x-moz-url over as UTF-16 with NULs when decoded as bytes elsewhere.
    private static String clean(String text) {
        return text.replace("\u0000", "").replace("\uFEFF", "");
    }

    private static String trimTrailingPunctuation(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char c = u.charAt(u.length() - 1);
            if (".,;:!?".indexOf(c) >= 0) {
                u = u.substring(0, u.length() - 1);
            } else if (c == ')' && count(u, '(') < count(u, ')')) {
                u = u.substring(0, u.length() - 1);
            } else if (c == ']' && count(u, '[') < count(u, ']')) {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }
}
