package dev.bufferdeck;

import dev.bufferdeck.cli.Cli;

import java.util.Arrays;

/**
 * Entry point of the jar and the installed launcher. A known subcommand runs headless; anything
 * else (nothing, or files and URLs) opens the window. This class must not extend
 * {@code javafx.application.Application}, or a plain {@code java -jar} refuses to start JavaFX.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            int status = Cli.run(args[0], Arrays.asList(args).subList(1, args.length), System.out, System.err);
            System.out.flush();
            System.exit(status);
        }
        dev.bufferdeck.ui.BufferDeckApp.launchWith(args);
    }
}
