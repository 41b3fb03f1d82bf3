package dev.bufferdeck.cli;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionPrinter;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaRepository;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code regions [--json] SRC}: the byte structure of one source, for people who debug files. */
final class RegionsCommand implements Command {
    @Override public String name() { return "regions"; }

    @Override public String usage() { return "regions [--json] SRC             the byte structure: tags, frames, pages, chunks"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = false;
        String source = null;
        for (String a : args) {
            if (a.equals("--json")) json = true;
            else if (a.startsWith("-") || source != null) {
                err.println("usage: bufferdeck " + usage());
                return USAGE;
            } else source = a;
        }
        if (source == null) {
            err.println("usage: bufferdeck " + usage());
            return USAGE;
        }
        RegionTree tree;
        try (CliSources loader = new CliSources(new MediaRepository(new FormatSniffer()))) {
            tree = RegionParser.parse(loader.load(source).buffer());
        } catch (CliSources.SourceFailure e) {
            err.println("bufferdeck regions: " + e.getMessage());
            return FAILED;
        }
        if (json) printJson(tree, out);
        else RegionPrinter.printText(tree, out);
        return OK;
    }

    /** The tree as one JSON object, written region by region so a long file is never held as text twice. */
    private static void printJson(RegionTree tree, PrintStream out) {
        StringBuilder sb = new StringBuilder("{\"format\":");
        Json.write(tree.format().displayName(), sb);
        sb.append(",\"size\":").append(tree.size()).append(",\"regions\":");
        out.print(sb);
        printJson(tree.roots(), out);
        out.println('}');
    }

    private static void printJson(List<Region> regions, PrintStream out) {
        out.print('[');
        boolean first = true;
        for (Region r : regions) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", r.name());
            fields.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            fields.put("offset", r.offset());
            fields.put("length", r.length());
            fields.put("description", r.description());
            fields.put("problems", r.problems().stream()
                    .map(p -> Map.of("offset", p.offset(), "message", p.message())).toList());
            String text = Json.write(fields);
            out.print(first ? "" : ",");
            out.print(text.substring(0, text.length() - 1));
            out.print(",\"children\":");
            printJson(r.children(), out);
            out.print('}');
            first = false;
        }
        out.print(']');
    }
}
