package dev.bufferdeck.cli;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.playlist.SourceExpansion;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.UrlRedaction;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code info [--json] SRC...}: loads each source into memory and prints what it is. Failures go to
 * stderr, one line each, and the other sources are still printed; with {@code --json} a failed
 * source also gets its object, with {@code error} set.
 */
final class InfoCommand implements Command {
    @Override public String name() { return "info"; }

    @Override public String usage() { return "info [--json] [--loudness] SRC..."; }

    /** The facts printed for each loaded buffer, in order. Add a section here to print more. */
    static List<InfoSection> sections() {
        return List.of(new BasicsSection(), new AudioSection(), new TracksSection(), new TagsSection());
    }

    /** The same, plus the scanned loudness (which decodes the whole track) when {@code loudness}. */
    static List<InfoSection> sections(boolean loudness) {
        if (!loudness) return sections();
        List<InfoSection> all = new ArrayList<>(sections());
        all.add(3, new LoudnessSection());
        return all;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean loudness = false;
        boolean options = true;
        List<String> sources = new ArrayList<>();
        for (String a : args) {
            if (options && a.equals("--")) options = false;
            else if (options && a.equals("--json")) json = true;
            else if (options && a.equals("--loudness")) loudness = true;
            else if (options && a.startsWith("-") && a.length() > 1) return usage(err, "unknown option " + a);
            else sources.add(a);
        }
        if (sources.isEmpty()) return usage(err, "no source given");

        MediaRepository repository = new MediaRepository(new FormatSniffer());
        List<InfoSection> sections = sections(loudness);
        int status = OK;
        boolean printedText = false;
        try (CliSources loader = new CliSources(repository)) {
            for (String given : sources) {
                SourceExpansion.Result expanded = loader.expand(given);
                for (String problem : expanded.problems()) status = fail(given, problem, json, out, err);
                if (expanded.sources().isEmpty() && expanded.problems().isEmpty()) {
                    status = fail(given, given + ": no media files in this folder", json, out, err);
                }
                for (String source : expanded.sources()) {
                    InfoReport report = new InfoReport();
                    try {
                        MediaBuffer buffer = loader.load(source).buffer();
                        for (InfoSection section : sections) section.describe(buffer, report);
                        repository.remove(buffer); // the next source may need the whole budget
                    } catch (CliSources.SourceFailure e) {
                        status = fail(source, e.getMessage(), json, out, err);
                        continue;
                    }
                    if (json) {
                        out.print(report.toJson() + "\n");
                    } else {
                        StringBuilder text = new StringBuilder();
                        if (printedText) text.append('\n');
                        text.append(TerminalText.oneLine(String.valueOf(report.value("name")))).append('\n');
                        report.appendText(text, "  ");
                        out.print(text);
                        printedText = true;
                    }
                }
            }
        }
        out.flush();
        return status;
    }

    private static int fail(String source, String message, boolean json, PrintStream out, PrintStream err) {
        err.println("bufferdeck info: " + message);
        if (json) out.print(failed(source, message).toJson() + "\n");
        return FAILED;
    }

    private static InfoReport failed(String source, String message) {
        InfoReport report = new InfoReport().putJsonOnly("name", UrlRedaction.redact(source));
        for (String key : List.of("source", "size", "sha256", "format", "declaredType", "mismatch", "mismatchNote")) {
            report.put(key, key, null);
        }
        return report.put("error", "error", message).put("tags", "tags", null);
    }

    private int usage(PrintStream err, String problem) {
        err.println("bufferdeck info: " + problem);
        err.println("usage: bufferdeck info [--json] [--loudness] SRC...");
        return USAGE;
    }

    /** Name, size, digest, where it came from, detected and declared format. */
    static final class BasicsSection implements InfoSection {
        @Override
        public void describe(MediaBuffer buffer, InfoReport report) {
            int size = buffer.size();
            String declared = buffer.declaredType();
            String note = buffer.mismatchNote();
            report.putJsonOnly("name", buffer.name())
                    .put("source", "source", buffer.origin().describe())
                    .put("size", "size", (long) size,
                            size + " bytes" + (size >= 1024 ? " (" + ByteSizes.human(size) + ")" : ""))
                    .put("sha256", "SHA-256", buffer.sha256().isEmpty() ? null : buffer.sha256())
                    .put("format", "format", buffer.detectedFormat().displayName())
                    .put("declaredType", "declared type", declared, declared.isEmpty() ? "(none)" : declared)
                    .put("mismatch", "mismatch", buffer.typeMismatch(), buffer.typeMismatch() ? "yes: " + note : "no")
                    .putJsonOnly("mismatchNote", note.isEmpty() ? null : note)
                    .put("error", "error", null);
        }
    }
}
