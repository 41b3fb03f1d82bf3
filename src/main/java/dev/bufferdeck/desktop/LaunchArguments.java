package dev.bufferdeck.desktop;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a window launch was asked to do: the sources to open, whether to only queue them
 * ({@code --enqueue}) and whether to force a window of its own ({@code --new-window}).
 */
public record LaunchArguments(List<String> sources, boolean enqueue, boolean newWindow) {
    public static final String ENQUEUE = "--enqueue";
    public static final String NEW_WINDOW = "--new-window";
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    public LaunchArguments {
        sources = List.copyOf(sources);
    }

    /** The flags anywhere before {@code --}; everything else is a source. */
    public static LaunchArguments parse(List<String> args) {
        List<String> sources = new ArrayList<>();
        boolean enqueue = false;
        boolean newWindow = false;
        boolean options = true;
        for (String arg : args) {
            if (options && arg.equals("--")) options = false;
            else if (options && arg.equals(ENQUEUE)) enqueue = true;
            else if (options && arg.equals(NEW_WINDOW)) newWindow = true;
            else sources.add(arg);
        }
        return new LaunchArguments(sources, enqueue, newWindow);
    }

    /** Relative paths made absolute against {@code directory}, so another process finds the same files. */
    public LaunchArguments resolvedAgainst(Path directory) {
        List<String> resolved = new ArrayList<>();
        for (String source : sources) {
            resolved.add(isPathLike(source) ? absolute(directory, source) : source);
        }
        return new LaunchArguments(resolved, enqueue, newWindow);
    }

    private static boolean isPathLike(String source) {
        return !URL.matcher(source).matches() || source.startsWith("file:");
    }

    private static String absolute(Path directory, String source) {
        if (source.startsWith("file:")) return source;
        try {
            return directory.resolve(source).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return source;
        }
    }
}
