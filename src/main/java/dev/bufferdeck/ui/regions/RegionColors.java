package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.RegionKind;
import dev.bufferdeck.ui.theme.ThemeColors;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fill behind the bytes of each kind of region. Saturated hues at low opacity, so the text on
 * top stays readable on a light background and on a dark one alike.
 */
public final class RegionColors {
    private static final Map<RegionKind, Color> FILLS = new EnumMap<>(RegionKind.class);

    static {
        FILLS.put(RegionKind.CONTAINER, Color.web("#64748b", 0.14));
        FILLS.put(RegionKind.HEADER, Color.web("#3b82f6", 0.34));
        FILLS.put(RegionKind.TAG, Color.web("#a855f7", 0.26));
        FILLS.put(RegionKind.TAG_FIELD, Color.web("#ec4899", 0.24));
        FILLS.put(RegionKind.PICTURE, Color.web("#f59e0b", 0.34));
        FILLS.put(RegionKind.STREAM_INFO, Color.web("#14b8a6", 0.32));
        FILLS.put(RegionKind.AUDIO_FRAME, Color.web("#22c55e", 0.20));
        FILLS.put(RegionKind.AUDIO_DATA, Color.web("#84cc16", 0.22));
        FILLS.put(RegionKind.PADDING, Color.web("#9ca3af", 0.26));
        FILLS.put(RegionKind.UNKNOWN, Color.web("#ef4444", 0.28));
    }

    private RegionColors() {}

    /** The light theme's fill: what a view shows before (or without) a theme stylesheet. */
    public static Color fill(RegionKind kind) {
        return FILLS.get(kind);
    }

    /** The theme's name for the kind's fill: {@code -bd-region-audio-frame} for AUDIO_FRAME. */
    public static String cssName(RegionKind kind) {
        return "-bd-region-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every kind's fill as the theme stylesheet names it; add its probes to a view that paints regions. */
    public static ThemeColors palette() {
        ThemeColors colors = new ThemeColors();
        for (RegionKind kind : RegionKind.values()) colors.color(cssName(kind), fill(kind));
        return colors;
    }

    /** "audio frame" for AUDIO_FRAME. */
    public static String label(RegionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A small swatch in the kind's colour, outlined so that faint fills still show. */
    public static Rectangle swatch(RegionKind kind) {
        Rectangle r = new Rectangle(12, 12, fill(kind));
        // the theme's colour once in a scene (styled while detached, a lookup has nothing to resolve against)
        r.sceneProperty().addListener((o, old, scene) -> r.setStyle(scene == null ? "" : "-fx-fill: " + cssName(kind) + ";"));
        r.getStyleClass().add("region-swatch");
        return r;
    }

    static String describe(RegionKind kind) {
        return switch (kind) {
            case CONTAINER -> "A file header or box that holds other regions";
            case HEADER -> "A chunk, page or frame header";
            case TAG -> "A tag block: ID3v2, ID3v1, Vorbis comment, metadata block";
            case TAG_FIELD -> "One field of a tag";
            case PICTURE -> "Embedded cover art";
            case STREAM_INFO -> "Encoder or stream info: Xing/LAME, fmt, STREAMINFO";
            case AUDIO_FRAME -> "Compressed audio: an MPEG frame, an Ogg packet, a FLAC frame";
            case AUDIO_DATA -> "Uncompressed samples";
            case PADDING -> "Padding";
            case UNKNOWN -> "Bytes no known structure claims";
        };
    }

    static String stylesheet() {
        return Objects.requireNonNull(RegionColors.class.getResource("regions.css")).toExternalForm();
    }
}
