package dev.bufferdeck;

import dev.bufferdeck.cli.Cli;
import dev.bufferdeck.desktop.LaunchArguments;
import dev.bufferdeck.desktop.SingleInstance;
import dev.bufferdeck.ui.BufferDeckApp;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * Entry point of the jar and the installed launcher. A known subcommand runs headless; anything
 * else (nothing, or files and URLs) opens the window, or hands them to the window already open.
 * This class must not extend {@code javafx.application.Application}, or a plain {@code java -jar}
 * refuses to start JavaFX.
 */
public final class Main {
    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
     * on every start from a class path, which is how the jar and the installed launcher run it
     * (the decoders cannot go on the module path, see DESIGN.md). That one line is dropped; every
     * other record of the logger passes. Held here so the configured logger is not collected; in a
     * class of its own, so that a JVM that only relaunches (ClassDataRelaunch) never starts logging.
     */
    private static final class JavaFxStartupLog {
        static final Logger LOGGER = Logger.getLogger("javafx");
    }

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            int status = Cli.run(args[0], Arrays.asList(args).subList(1, args.length), System.out, System.err);
            System.out.flush();
            System.exit(status);
        }
        LaunchArguments launch = LaunchArguments.parse(Arrays.asList(args)).resolvedAgainst(Path.of("").toAbsolutePath());
        SingleInstance instance = claim(launch);
        Optional<ClassDataRelaunch.Plan> relaunch = ClassDataRelaunch.plan();
        if (relaunch.isPresent()) {
            // the window's JVM claims the socket itself; a launch handed over above never gets this far
            if (instance != null) instance.close();
            OptionalInt status = ClassDataRelaunch.run(relaunch.get());
            if (status.isPresent()) System.exit(status.getAsInt());
            instance = claim(launch);
        }
        JavaFxStartupLog.LOGGER.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        BufferDeckApp.launchWith(launch, instance);
    }

    /** Hands the launch to the window already open (and exits), or listens for later launches; null when alone. */
    private static SingleInstance claim(LaunchArguments launch) {
        Optional<Path> socket = SingleInstance.socketPath(System.getenv());
        if (launch.newWindow() || socket.isEmpty()) return null;
        SingleInstance.Claim claim = SingleInstance.claim(socket.get(), launch);
        if (claim instanceof SingleInstance.Claim.HandedOver) System.exit(0);
        if (claim instanceof SingleInstance.Claim.Listening listening) return listening.instance();
        if (claim instanceof SingleInstance.Claim.Alone alone) System.err.println("BufferDeck: opening a window of its own: " + alone.reason());
        return null;
    }
}
