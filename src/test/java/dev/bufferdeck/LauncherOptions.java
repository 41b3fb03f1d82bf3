package dev.bufferdeck;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the JVM options both launchers give the app (the installed launcher's java-options and
 * java -jar's relaunch), for the bench scripts that start the app's code themselves.
 */
public final class LauncherOptions {
    private LauncherOptions() {}

    public static List<String> options() {
        List<String> options = new ArrayList<>(ClassDataRelaunch.JIT_OPTIONS);
        options.addAll(ClassDataRelaunch.GC_OPTIONS);
        options.add("-XX:-UsePerfData");
        return options;
    }

    public static void main(String[] args) {
        System.out.println(String.join(" ", options()));
    }
}
