package dev.bufferdeck.source;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What to call a URL load and what type it claims, from the response and the final URL. */
final class UrlNaming {
    private UrlNaming() {}

    static String headerValue(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue() == null ? "" : h.getValue().trim();
    }

    /** The Content-Type without parameters; the URL's extension when the server says nothing useful. */
    static String declaredType(ClassicHttpResponse response, URI uri) {
        String type = headerValue(response, "Content-Type");
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) type = type.substring(0, semicolon);
        type = type.trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals("application/octet-stream") && !type.equals("binary/octet-stream")) {
            return type;
        }
        String ext = MediaExtensions.of(nameOf(uri));
        return ext.isEmpty() ? type : ext;
    }

    private static final Pattern DISPOSITION_NAME_UTF8 =
            Pattern.compile("(?i)filename\\*\\s*=\\s*UTF-8''([^;\\s]+)");
    private static final Pattern DISPOSITION_NAME =
            Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

    /** The file name the server suggests in Content-Disposition, else {@link #nameOf(URI)}. */
    static String nameOf(ClassicHttpResponse response, URI uri) {
        String disposition = headerValue(response, "Content-Disposition");
        Matcher m = DISPOSITION_NAME_UTF8.matcher(disposition);
        String name = null;
        if (m.find()) {
            try {
                name = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = null;
            }
        }
        if (name == null) {
            m = DISPOSITION_NAME.matcher(disposition);
            if (m.find()) name = m.group(1) != null ? m.group(1) : m.group(2);
        }
        if (name != null) {
            // a suggested name is a name, never a path
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
            if (!name.isEmpty() && !name.equals(".") && !name.equals("..")) return name;
        }
        return nameOf(uri);
    }

    /** The last path segment, decoded; the host when the path has none. */
    static String nameOf(URI uri) {
        String path = uri.getRawPath();
        if (path != null) {
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            if (!segment.isEmpty()) {
                try {
                    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return segment;
                }
            }
        }
        return uri.getHost() == null ? uri.toString() : uri.getHost();
    }

}
