package dev.bufferdeck.cli;

import dev.bufferdeck.audio.AudioOutputs;

import java.io.PrintStream;
import java.util.List;

/** {@code devices}: the Java Sound outputs play can use, the memory sink included. */
final class DevicesCommand implements Command {
    @Override public String name() { return "devices"; }
    @Override public String usage() { return "devices                         list audio outputs (* = default)"; }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("bufferdeck devices: takes no arguments");
            return USAGE;
        }
        List<AudioOutputs.Device> devices = AudioOutputs.list();
        boolean anyReal = false;
        for (AudioOutputs.Device d : devices) {
            anyReal |= !d.memory();
            String mark = d.isDefault() ? "* " : "  ";
            String hint = d.memory() ? "  (--device memory)" : "";
            out.println(mark + d.name() + " — " + d.description() + hint);
        }
        if (!anyReal) out.println("No audio device: play uses the memory sink.");
        return OK;
    }
}
