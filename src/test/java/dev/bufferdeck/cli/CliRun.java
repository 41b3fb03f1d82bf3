package dev.bufferdeck.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a subcommand as Main would and keeps what it printed. */
record CliRun(int status, byte[] stdout, String stderr) {
    static CliRun of(String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = Cli.run(command, List.of(args), o, e);
            return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        }
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    List<String> errLines() {
        return stderr.lines().toList();
    }
}
