package dev.bufferdeck.ui.main;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Help ▸ About: the version, and the licences of the libraries bundled with BufferDeck. */
final class About {
    /** One bundled library. */
    record Library(String name, String version, String licence) {}

    private About() {}

    /** The version Maven wrote into the jar, or "development build" when run from the classes folder. */
    static String version() {
        try (InputStream in = About.class.getResourceAsStream("/META-INF/maven/dev.bufferdeck/bufferdeck/pom.properties")) {
            if (in == null) return "development build";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "development build");
        } catch (IOException e) {
            return "development build";
        }
    }

    static List<Library> libraries() {
        List<Library> out = new ArrayList<>();
        InputStream in = About.class.getResourceAsStream("licences.txt");
        if (in == null) return out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\\|", 3);
                if (parts.length == 3) out.add(new Library(parts[0], parts[1], parts[2]));
            }
        } catch (IOException e) {
            // an incomplete list is still worth showing
        }
        return out;
    }

    static Alert dialog(Window owner, List<String> stylesheets) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        int row = 0;
        for (Library lib : libraries()) {
            Label name = new Label(lib.name());
            name.getStyleClass().add("shortcut-key");
            grid.addRow(row++, name, new Label(lib.version()), new Label(lib.licence()));
        }
        Label intro = new Label("A media player that keeps every file, URL and dropped byte in memory.\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.version", "?")
                + "\n\nBundled libraries:");
        VBox content = new VBox(8, intro, grid);
        content.setPadding(new Insets(4));
        content.setId("about-content");
        Alert about = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        about.initOwner(owner);
        about.setTitle("About BufferDeck");
        about.setHeaderText("BufferDeck " + version());
        about.getDialogPane().setContent(content);
        about.getDialogPane().getStylesheets().addAll(stylesheets);
        return about;
    }
}
