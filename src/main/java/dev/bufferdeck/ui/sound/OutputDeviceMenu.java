package dev.bufferdeck.ui.sound;

import dev.bufferdeck.audio.AudioOutputs;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Playback ▸ Output device: every output {@code bufferdeck devices} lists (the memory sink
 * included), the one in use checked. Choosing one moves playback to it at once; the list is read
 * again each time the menu opens.
 */
public final class OutputDeviceMenu {
    private OutputDeviceMenu() {}

    public static Menu build(SoundControls sound) {
        Menu menu = new Menu("Output device");
        menu.setId("output-device-menu");
        ToggleGroup group = new ToggleGroup();
        Runnable fill = () -> {
            menu.getItems().clear();
            for (AudioOutputs.Device d : sound.devices()) {
                String label = d.memory() ? AudioOutputs.MEMORY_NAME + " (no sound)" : d.name() + (d.isDefault() ? " (default)" : "");
                RadioMenuItem item = new RadioMenuItem(label);
                item.setId("output-" + (d.memory() ? "memory" : d.name().replaceAll("[^A-Za-z0-9]", "_")));
                item.setToggleGroup(group);
                item.setSelected(inUse(d, sound.outputInUseProperty().get()));
                item.setOnAction(e -> sound.chooseOutput(d.memory() ? AudioOutputs.MEMORY_NAME : d.name()));
                menu.getItems().add(item);
            }
        };
        sound.devices().addListener((ListChangeListener<AudioOutputs.Device>) c -> fill.run());
        sound.outputInUseProperty().addListener((o, a, now) -> fill.run());
        menu.setOnShowing(e -> sound.refreshDevices());
        sound.refreshDevices();
        fill.run();
        return menu;
    }

    private static boolean inUse(AudioOutputs.Device d, String outputName) {
        return d.memory() ? outputName.equals(AudioOutputs.MEMORY_NAME) : d.name().equals(outputName);
    }
}
