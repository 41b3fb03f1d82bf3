package dev.bufferdeck.cli;

import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionPrinter;
import dev.bufferdeck.format.regions.RegionTree;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code regions [--json] SRC}: the byte structure of one source, for people who debug files. */
final class RegionsCommand implements Command {
    @Override public String name() { return "regions"; }

    @Override public String usage() { return "regions [--json] SRC"; }

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
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(Path.of(source))).asReadOnlyBuffer();
        } catch (IOException e) {
            err.println(source + ": " + e.getMessage());
            return FAILED;
        }
        RegionTree tree = RegionParser.parse(bytes);
        if (json) RegionPrinter.printJson(tree, out);
        else RegionPrinter.printText(tree, out);
        return OK;
    }
}
