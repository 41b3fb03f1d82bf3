package dev.bufferdeck.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless subcommand. Exit status: 0 all good, 1 some source failed, 2 bad usage. */
public interface Command {
    int OK = 0;
    int FAILED = 1;
    int USAGE = 2;

    String name();

    /** One usage line, e.g. {@code info [--json] SRC...}. */
    String usage();

    int run(List<String> args, PrintStream out, PrintStream err);
}
