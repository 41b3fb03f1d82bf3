package dev.bufferdeck.ui.icons;


import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableIntegerProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableIntegerProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Font;
import javafx.scene.transform.Scale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Glyph} drawn as a shape, square, {@code -fx-icon-size} pixels wide and filled with
 * {@code -fx-icon-color} (style class {@code icon}). Without a size it takes the size of the font it
 * inherits, and its colour is black unless styled: the rules Ikonli's FontIcon followed, so the
 * stylesheets written for it still hold.
 */
public final class Icon extends Region {
    public static final String DEFAULT_STYLE_CLASS = "icon";
    private static final double DESIGN_SIZE = 24;
    /** Where the font icon's baseline sat: the icon font's ascent, 448 of its 512 units. */
    private static final double BASELINE = 448.0 / 512;

    private final Glyph glyph;
    private final SVGPath shape = new SVGPath();
    private final Scale scale = new Scale(1, 1, 0, 0);

    private final StyleableIntegerProperty iconSize =
            new SimpleStyleableIntegerProperty(StyleableProperties.ICON_SIZE, this, "iconSize", 0);
    private final StyleableObjectProperty<Paint> iconColor =
            new SimpleStyleableObjectProperty<>(StyleableProperties.ICON_COLOR, this, "iconColor", Color.BLACK);
    private final StyleableObjectProperty<Font> font =
            new SimpleStyleableObjectProperty<>(StyleableProperties.FONT, this, "font", Font.getDefault());

    public Icon(Glyph glyph) {
        this.glyph = glyph;
        getStyleClass().setAll(DEFAULT_STYLE_CLASS);
        shape.setContent(glyph.path());
        shape.getTransforms().add(scale);
        shape.setManaged(false);
        shape.fillProperty().bind(iconColor);
        getChildren().add(shape);
        iconSize.addListener((o, was, now) -> resized());
        font.addListener((o, was, now) -> resized());
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        resized();
    }

    public Glyph glyph() { return glyph; }

    private static volatile boolean shapesWarmed;

    /**
     * Builds every glyph's icon unseen and reads its bounds, which parses its SVG path: the parser and
     * the icon's classes are loaded and compiled before an icon first appears in a new line or cell.
     * From any thread (no scene is touched); meant for a background thread.
     */
    public static void warmShapes() {
        for (Glyph g : Glyph.values()) new Icon(g).shape.getLayoutBounds();
        shapesWarmed = true;
    }

    /** True once {@link #warmShapes()} has run. */
    public static boolean shapesWarmed() { return shapesWarmed; }

    public int getIconSize() { return iconSize.get(); }

    /** Size in pixels; a stylesheet's {@code -fx-icon-size} still wins, as for any styleable property. */
    public void setIconSize(int size) { iconSize.set(size); }

    public Paint getIconColor() { return iconColor.get(); }

    public void setIconColor(Paint color) { iconColor.set(color); }

    /** The side of the square: the icon size, or the inherited font's size when none is set. */
    public double size() {
        int set = iconSize.get();
        return set > 0 ? set : (int) font.get().getSize();
    }

    private void resized() {
        double factor = size() / DESIGN_SIZE;
        scale.setX(factor);
        scale.setY(factor);
        requestLayout();
    }

    @Override protected double computePrefWidth(double height) { return snapSizeX(size()); }

    @Override protected double computePrefHeight(double width) { return snapSizeY(size()); }

    @Override public double getBaselineOffset() { return size() * BASELINE; }

    private static final class StyleableProperties {
        static final CssMetaData<Icon, Number> ICON_SIZE = new CssMetaData<>("-fx-icon-size", SizeConverter.getInstance(), 0) {
            @Override public boolean isSettable(Icon icon) { return !icon.iconSize.isBound(); }

            @Override public StyleableProperty<Number> getStyleableProperty(Icon icon) { return icon.iconSize; }
        };
        static final CssMetaData<Icon, Paint> ICON_COLOR = new CssMetaData<>("-fx-icon-color", PaintConverter.getInstance(), Color.BLACK) {
            @Override public boolean isSettable(Icon icon) { return !icon.iconColor.isBound(); }

            @Override public StyleableProperty<Paint> getStyleableProperty(Icon icon) { return icon.iconColor; }
        };
        /** Inherited like a Text node's font, so an unsized icon matches the text beside it. */
        static final CssMetaData<Icon, Font> FONT = new FontCssMetaData<>("-fx-font", Font.getDefault()) {
            @Override public boolean isSettable(Icon icon) { return !icon.font.isBound(); }

            @Override public StyleableProperty<Font> getStyleableProperty(Icon icon) { return icon.font; }
        };
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
            all.add(ICON_SIZE);
            all.add(ICON_COLOR);
            all.add(FONT);
            ALL = Collections.unmodifiableList(all);
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() { return StyleableProperties.ALL; }

    @Override public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() { return getClassCssMetaData(); }
}
