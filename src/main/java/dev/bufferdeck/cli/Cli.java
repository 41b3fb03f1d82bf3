package dev.bufferdeck.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table of headless subcommands. */
public final class Cli {
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        register(new HelpCommand());
        register(new RegionsCommand());
        register(new InfoCommand());
        register(new HexCommand());
        register(new PlayCommand());
        register(new DevicesCommand());
    }

    private Cli() {}

    static void register(Command command) {
        COMMANDS.put(command.name(), command);
    }

    public static boolean isCommand(String word) {
        return COMMANDS.containsKey(word) || word.equals("--help") || word.equals("-h");
    }

    /**
     * Runs a subcommand. What it prints for people goes through {@link TerminalText}, so control
     * characters from servers and file names reach the terminal escaped; {@code --json} is escaped
     * already and passes unchanged.
     */
    public static int run(String name, List<String> args, PrintStream rawOut, PrintStream rawErr) {
        PrintStream out = TerminalText.stream(rawOut);
        PrintStream err = TerminalText.stream(rawErr);
        Command command = COMMANDS.get(name);
        if (command == null) command = COMMANDS.get("help");
        try {
            return command.run(args, out, err);
        } catch (RuntimeException e) {
            err.println("bufferdeck " + name + ": internal error: " + e);
            return Command.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    static String usageText() {
        StringBuilder sb = new StringBuilder("usage:\n");
        line(sb, "bufferdeck [FILE|URL...]", "open the window with these sources queued");
        for (Command c : COMMANDS.values()) {
            String[] parts = c.usage().strip().split("\\s{2,}", 2);
            line(sb, "bufferdeck " + parts[0], parts.length > 1 ? parts[1] : "");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String syntax, String summary) {
        sb.append("  ").append(syntax);
        if (!summary.isEmpty()) {
            if (syntax.length() > 44) sb.append('\n').append(" ".repeat(48));
            else sb.append(" ".repeat(46 - syntax.length()));
            sb.append(summary);
        }
        sb.append('\n');
    }

    private static final class HelpCommand implements Command {
        @Override public String name() { return "help"; }
        @Override public String usage() { return "help  this text"; }
        @Override public int run(List<String> args, PrintStream out, PrintStream err) {
            out.print(usageText());
            return OK;
        }
    }
}
