package dev.bufferdeck.ui.theme;

import dev.bufferdeck.desktop.DesktopColorScheme;
import dev.bufferdeck.format.regions.RegionKind;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.regions.RegionColors;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching the theme swaps one stylesheet, and canvas colours follow it. */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchTest {
    private final ThemeSwitcher switcher = new ThemeSwitcher();
    private final ThemeColors colors = RegionColors.palette().color("-bd-wave-played", Color.MAGENTA);
    private Scene scene;
    private final Icon plainIcon = new Icon(Glyph.DELETE);
    private final Icon buttonIcon = new Icon(Glyph.PIN);
    private int changes;

    @Start
    void start(Stage stage) {
        StackPane root = new StackPane();
        root.getChildren().addAll(colors.probes());
        root.getChildren().addAll(plainIcon, new javafx.scene.control.Button("Pin", buttonIcon));
        colors.onChange(() -> changes++);
        scene = new Scene(root, 100, 100);
        switcher.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String css(Theme theme) throws IOException {
        try (InputStream in = Objects.requireNonNull(Theme.class.getResourceAsStream(theme.name().toLowerCase() + ".css"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> names(String css) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("^\\s*(-[\\w-]+):", Pattern.MULTILINE).matcher(css);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void iconsNoViewStylesTakeTheThemesIconColour(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                switcher.choiceProperty().set(theme == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
                scene.getRoot().applyCss();
            });
            assertEquals(theme.color("-bd-icon"), plainIcon.getIconColor(), theme + ": an icon on its own");
            assertEquals(theme.color("-bd-icon"), buttonIcon.getIconColor(), theme + ": a button's icon");
        }
    }

    @Test
    void bothThemesNameTheSameColours() throws IOException {
        Set<String> light = names(css(Theme.LIGHT));
        assertEquals(light, names(css(Theme.DARK)));
        for (RegionKind kind : RegionKind.values()) assertTrue(light.contains(RegionColors.cssName(kind)), kind.name());
    }

    @Test
    void theViewMenuChoiceWinsOverTheDesktopAndCanvasColoursFollow(FxRobot robot) {
        robot.interact(() -> switcher.desktopProperty().set(DesktopColorScheme.Preference.DARK));
        assertEquals(Theme.DARK, switcher.themeProperty().get(), "following the desktop");
        assertTrue(scene.getStylesheets().get(0).endsWith("dark.css"));
        robot.interact(() -> scene.getRoot().applyCss());
        Color darkPlayed = colors.get("-bd-wave-played");
        assertEquals(Color.web("#60a5fa"), darkPlayed);

        int before = changes;
        robot.interact(() -> {
            switcher.choiceProperty().set(ThemeChoice.LIGHT);
            scene.getRoot().applyCss();
        });
        assertEquals(1, scene.getStylesheets().stream().filter(s -> s.contains("/theme/")).count(), "one theme stylesheet at a time");
        assertEquals(Color.web("#3b82f6"), colors.get("-bd-wave-played"));
        assertNotEquals(darkPlayed, colors.get("-bd-wave-played"));
        assertTrue(changes > before, "the painter is told to repaint");
        assertEquals(Color.web("rgba(59, 130, 246, 0.34)"), colors.get(RegionColors.cssName(RegionKind.HEADER)));
    }
}
