package dev.bufferdeck.cli;

import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.HexDumpFormatter;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;

import java.io.PrintStream;
import java.util.List;

/** {@code hex [--offset N] [--length N] SRC}: the bytes as {@code hexdump -C -s N -n L} prints them. */
final class HexCommand implements Command {
    @Override public String name() { return "hex"; }

    @Override public String usage() { return "hex [--offset N] [--length N] SRC"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        long offset = 0;
        long length = -1;
        String source = null;
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (options && a.equals("--")) {
                options = false;
                continue;
            }
            if (options && a.startsWith("-") && a.length() > 1) {
                String option = a;
                String value;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    option = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return usage(err, a + " needs a number");
                }
                long n = NumberArgument.parse(value);
                if (n < 0) return usage(err, "not a byte count: " + value + " (use decimal or 0x hex)");
                switch (option) {
                    case "--offset", "-s" -> offset = n;
                    case "--length", "-n" -> length = n;
                    default -> {
                        return usage(err, "unknown option " + option);
                    }
                }
                continue;
            }
            if (source != null) return usage(err, "one source at a time");
            source = a;
        }
        if (source == null) return usage(err, "no source given");

        MediaRepository repository = new MediaRepository(new FormatSniffer());
        MediaBuffer buffer;
        try (CliSources sources = new CliSources(repository)) {
            buffer = sources.load(source).buffer();
        } catch (CliSources.SourceFailure e) {
            err.println("bufferdeck hex: " + e.getMessage());
            return FAILED;
        }
        HexDumpFormatter.dump(buffer.bytes(), offset, length, out);
        out.flush();
        return OK;
    }

    private int usage(PrintStream err, String problem) {
        err.println("bufferdeck hex: " + problem);
        err.println("usage: bufferdeck hex [--offset N] [--length N] SRC");
        return USAGE;
    }

}
