package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.Origin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Origins in words, for the table and the detail pane. */
public final class OriginText {
    private OriginText() {}

    public static String kind(Origin origin) {
        if (origin instanceof Origin.Url) return "URL";
        if (origin instanceof Origin.File) return "File";
        if (origin instanceof Origin.Dropped) return "Dropped";
        return "Built-in";
    }

    /** Label/value pairs for the detail pane, response headers last. */
    public static List<String[]> details(Origin origin) {
        List<String[]> out = new ArrayList<>();
        if (origin instanceof Origin.Url u) {
            out.add(new String[]{"Requested", u.requested().toString()});
            if (!u.finalUri().equals(u.requested())) out.add(new String[]{"Final URL", u.finalUri().toString()});
            out.add(new String[]{"HTTP status", Integer.toString(u.status())});
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(u.headers());
            headers.forEach((k, v) -> out.add(new String[]{k, String.join(", ", v)}));
        } else if (origin instanceof Origin.File f) {
            out.add(new String[]{"Path", f.path().toAbsolutePath().toString()});
        } else if (origin instanceof Origin.Dropped d) {
            out.add(new String[]{"Dropped", d.description()});
            out.add(new String[]{"MIME type", d.mimeType()});
        } else if (origin instanceof Origin.BuiltIn b) {
            out.add(new String[]{"Built-in", b.resource()});
        }
        return out;
    }
}
