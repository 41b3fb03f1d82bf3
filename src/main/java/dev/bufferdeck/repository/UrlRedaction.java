package dev.bufferdeck.repository;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials in URLs ({@code http://user:secret@host/}) are used for the request and never shown:
 * every message, origin and saved location carries {@code user:***@} instead.
 */
public final class UrlRedaction {
    /** The userinfo ends at the authority's last '@': a password typed with an '@' in it is hidden whole. */
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/?#\\s]*)@");

    private UrlRedaction() {}

    /** The text with the userinfo of every URL in it redacted: {@code user:***@}, or {@code ***@} without a user name. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) return text;
        return USERINFO.matcher(text).replaceAll(m -> {
            String info = m.group(2);
            int colon = info.indexOf(':');
            String shown = colon > 0 ? info.substring(0, colon) + ":***" : "***";
            return Matcher.quoteReplacement(m.group(1) + shown + "@");
        });
    }

    /** The URI without credentials' secret part, for origins and saved locations. */
    public static URI redact(URI uri) {
        if (uri.getRawUserInfo() == null) return uri;
        try {
            return new URI(redact(uri.toString()));
        } catch (URISyntaxException e) {
            try {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
            } catch (URISyntaxException unexpected) {
                throw new IllegalArgumentException(unexpected);
            }
        }
    }
}
