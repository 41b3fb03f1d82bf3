package dev.bufferdeck.ui.hex;

import dev.bufferdeck.repository.MediaBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import dev.bufferdeck.ui.theme.ThemeColors;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Offset | 16 bytes hex | ASCII of a buffer of any size. Only the visible rows are formatted and
 * drawn, straight from the buffer, so a 1 GiB buffer costs no more memory or time than a small one.
 * Selection is a byte range [anchor, caret] in either direction.
 */
public final class HexView extends Region {
    public static final String DEFAULT_STYLE_CLASS = "hex-view";
    private static final double PAD = 8;
    private static final int OFFSET_CHARS = 8;
    private static final int HEX_CHARS = 16 * 3;
    private static final Font FONT = Font.font("Monospaced", 12);

    /** Paints behind bytes: told the bytes on screen, calls back with coloured runs of them. */
    @FunctionalInterface
    public interface Shading {
        void shade(long from, long to, Span out);

        @FunctionalInterface
        interface Span {
            void fill(long from, long to, Color color);
        }
    }

    private final ObjectProperty<MediaBuffer> buffer = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper topRow = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper anchor = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyLongWrapper caret = new ReadOnlyLongWrapper(-1);
    private final Canvas canvas = new Canvas();
    /** Above the rows, transparent but for the mark: moving the mark redraws only this layer. */
    private final Canvas markLayer = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final byte[] rowBytes = new byte[HexText.BYTES_PER_ROW];
    private final Font font;
    private final double charWidth;
    private final double rowHeight;
    private boolean syncingScrollBar;
    private final ObjectProperty<Shading> shading = new SimpleObjectProperty<>();
    /** Every colour the rows are painted in, from the theme stylesheet. */
    private final ThemeColors colors = new ThemeColors().color("-bd-hex-background").color("-bd-hex-offset")
            .color("-bd-hex-text").color("-bd-hex-zero").color("-bd-hex-selection").color("-bd-hex-caret")
            .color("-bd-hex-rule").color("-bd-hex-stripe").color("-bd-hex-mark");
    private long markFrom = -1;
    private long markTo = -1;
    private long fullDraws;

    public HexView() {
        font = FONT;
        Text probe = probe();
        charWidth = probe.getLayoutBounds().getWidth() / 16;
        rowHeight = Math.ceil(probe.getLayoutBounds().getHeight() + 3);
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        setFocusTraversable(true);
        scrollBar.setOrientation(Orientation.VERTICAL);
        markLayer.setMouseTransparent(true);
        getChildren().addAll(canvas, markLayer, scrollBar);
        getChildren().addAll(colors.probes());
        setMinHeight(100);
        setPrefHeight(400);
    }

    /** Wide enough for all three columns and the scroll bar: a split pane never squeezes the text column away. */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + columnsWidth() + scrollBar.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return computeMinWidth(height);
    }

    /** The width the offset, hex and text columns take, margins included. */
    public double columnsWidth() {
        return columnsWidth(charWidth);
    }

    private static double columnsWidth(double charWidth) {
        return Math.ceil(textColumnEnd(charWidth) + PAD);
    }

    /**
     * The least width of a hex view whose scroll bar is {@code scrollBarWidth} wide, known without
     * building one (the window keeps this room for the hex tab before its view exists).
     */
    public static double leastWidth(double scrollBarWidth) {
        return columnsWidth(probe().getLayoutBounds().getWidth() / 16) + scrollBarWidth;
    }

    private static Text probe() {
        Text probe = new Text("0123456789ABCDEF");
        probe.setFont(FONT);
        return probe;
    }

    /** Where the text column ends, in this view's coordinates. */
    public double textColumnEnd() {
        return textColumnEnd(charWidth);
    }

    private static double textColumnEnd(double charWidth) {
        return asciiX(charWidth) + charWidth * HexText.BYTES_PER_ROW;
    }

    /** The width the rows are drawn in (the view less its scroll bar). */
    public double viewportWidth() {
        return canvas.getWidth();
    }

    private void init() {
        buffer.addListener((o, old, b) -> {
            topRow.set(0);
            anchor.set(-1);
            caret.set(-1);
            syncScrollBar();
            draw();
        });
        shading.addListener((o, a, b) -> draw());
        colors.onChange(this::draw);
        scrollBar.valueProperty().addListener((o, a, v) -> {
            if (!syncingScrollBar) scrollToRow(Math.round(v.doubleValue()));
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollToRow(topRow.get() - Math.round(e.getDeltaY() / rowHeight * 1.0));
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            long at = offsetAt(e.getX(), e.getY());
            if (at < 0) return;
            if (!e.isShiftDown() || anchor.get() < 0) anchor.set(at);
            caret.set(at);
            draw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            long at = offsetAt(e.getX(), Math.max(0, Math.min(e.getY(), canvas.getHeight() - 1)));
            if (e.getY() < 0) scrollToRow(topRow.get() - 1);
            if (e.getY() > canvas.getHeight()) scrollToRow(topRow.get() + 1);
            if (at >= 0 && anchor.get() >= 0) {
                caret.set(at);
                draw();
            }
        });
    }

    public ObjectProperty<MediaBuffer> bufferProperty() { return buffer; }
    public MediaBuffer getBuffer() { return buffer.get(); }
    public void setBuffer(MediaBuffer b) { buffer.set(b); }
    /** The first row on screen. */
    public ReadOnlyLongProperty topRowProperty() { return topRow.getReadOnlyProperty(); }
    public ReadOnlyLongProperty anchorProperty() { return anchor.getReadOnlyProperty(); }
    public ReadOnlyLongProperty caretProperty() { return caret.getReadOnlyProperty(); }

    /** Colours behind the hex and ASCII cells (e.g. by format region); null for none. */
    public ObjectProperty<Shading> shadingProperty() { return shading; }

    /** Outlines bytes [from, to) (e.g. the frame being heard); from < 0 clears. */
    public void setMark(long from, long to) {
        if (from == markFrom && to == markTo) return;
        markFrom = from;
        markTo = to;
        drawMark();
    }

    /** How often every row has been drawn (glyphs and all), for tests and benchmarks. */
    long fullDraws() { return fullDraws; }

    /** First byte of the mark, or -1 when there is none. */
    public long markStart() { return markFrom; }
    /** End (exclusive) of the mark. */
    public long markEnd() { return markTo; }

    public long rowCount() {
        MediaBuffer b = buffer.get();
        return b == null ? 0 : HexText.rows(b.size());
    }

    /** Rows that fit on screen. */
    public int visibleRows() {
        return Math.max(1, (int) Math.floor((canvas.getHeight() - PAD) / rowHeight));
    }

    public long selectionStart() { return Math.min(anchor.get(), caret.get()); }
    public long selectionEnd() { return Math.max(anchor.get(), caret.get()); }
    public boolean hasSelection() { return anchor.get() >= 0 && caret.get() >= 0; }
    public long selectionLength() { return hasSelection() ? selectionEnd() - selectionStart() + 1 : 0; }

    /** Selects bytes [from, to] (inclusive) and brings {@code to} into view. */
    public void select(long from, long to) {
        MediaBuffer b = buffer.get();
        if (b == null || b.size() == 0) return;
        anchor.set(clamp(from, b));
        caret.set(clamp(to, b));
        reveal(caret.get());
        draw();
    }

    /** Puts the byte at {@code offset} on screen and selects it; false when it is past the end. */
    public boolean goTo(long offset) {
        MediaBuffer b = buffer.get();
        if (b == null || offset < 0 || offset >= b.size()) return false;
        anchor.set(offset);
        caret.set(offset);
        long row = offset / HexText.BYTES_PER_ROW;
        if (row < topRow.get() || row >= topRow.get() + visibleRows()) scrollToRow(row - visibleRows() / 3);
        draw();
        return true;
    }

    /** The selection as hex pairs (at most {@link HexText#MAX_COPY} bytes), or "" without one. */
    public String selectionAsHex() {
        MediaBuffer b = buffer.get();
        if (b == null || !hasSelection()) return "";
        return HexText.copy(b, selectionStart(), selectionEnd());
    }

    public void scrollToRow(long row) {
        long max = Math.max(0, rowCount() - visibleRows());
        long clamped = Math.max(0, Math.min(row, max));
        if (clamped != topRow.get()) {
            topRow.set(clamped);
            syncScrollBar();
            draw();
        }
    }

    public void pageBy(int pages) { scrollToRow(topRow.get() + (long) pages * visibleRows()); }
    public void scrollToEnd() { scrollToRow(Long.MAX_VALUE / 2); }

    /** Scrolls as little as needed to put the byte at {@code offset} on screen. */
    public void reveal(long offset) {
        long row = offset / HexText.BYTES_PER_ROW;
        if (row < topRow.get()) scrollToRow(row);
        else if (row >= topRow.get() + visibleRows()) scrollToRow(row - visibleRows() + 1);
    }

    private static long clamp(long offset, MediaBuffer b) {
        return Math.max(0, Math.min(offset, b.size() - 1L));
    }

    private double hexX() { return PAD + charWidth * (OFFSET_CHARS + 2); }
    private double asciiX() { return asciiX(charWidth); }
    private static double asciiX(double charWidth) { return PAD + charWidth * (OFFSET_CHARS + 2) + charWidth * (HEX_CHARS + 2); }
    /** Where byte {@code column} of a row starts in the hex column (a gap after the eighth byte). */
    private double hexCellX(int column) { return hexX() + HexText.hexColumn(column) * charWidth; }
    /** Where byte {@code column} of a row starts in the text column. */
    private double asciiCellX(int column) { return asciiX() + column * charWidth; }

    /** The byte under a point of this view, or -1. */
    public long offsetAt(double x, double y) {
        MediaBuffer b = buffer.get();
        if (b == null || b.size() == 0) return -1;
        long row = topRow.get() + (long) Math.floor((y - PAD / 2) / rowHeight);
        int column;
        if (x >= asciiX()) {
            column = (int) Math.floor((x - asciiX()) / charWidth);
        } else {
            double cx = (x - hexX()) / charWidth;
            column = (int) Math.floor((cx >= 24 ? cx - 1 : cx) / 3);
        }
        column = Math.max(0, Math.min(HexText.BYTES_PER_ROW - 1, column));
        return clamp(row * HexText.BYTES_PER_ROW + column, b);
    }

    /** The centre of a byte's hex cell in this view's coordinates, when it is on screen. */
    Point2D pointOf(long offset) {
        long row = offset / HexText.BYTES_PER_ROW;
        int c = (int) (offset % HexText.BYTES_PER_ROW);
        double x = hexCellX(c) + charWidth;
        double y = PAD / 2 + (row - topRow.get()) * rowHeight + rowHeight / 2;
        return new Point2D(x, y);
    }

    /** The buffer shown grew (bytes still arriving): rows and scroll bar extend, the view stays where it is. */
    public void bytesArrived() {
        syncScrollBar();
        draw();
    }

    private void syncScrollBar() {
        syncingScrollBar = true;
        try {
            long max = Math.max(0, rowCount() - visibleRows());
            scrollBar.setMin(0);
            scrollBar.setMax(max);
            scrollBar.setVisibleAmount(max == 0 ? 1 : Math.max(1, (double) visibleRows() * max / rowCount()));
            scrollBar.setUnitIncrement(1);
            scrollBar.setBlockIncrement(visibleRows());
            scrollBar.setValue(topRow.get());
            scrollBar.setDisable(max == 0);
        } finally {
            syncingScrollBar = false;
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        double sb = scrollBar.prefWidth(-1);
        scrollBar.resizeRelocate(w - sb, 0, sb, h);
        canvas.setWidth(Math.max(0, w - sb));
        canvas.setHeight(h);
        markLayer.setWidth(canvas.getWidth());
        markLayer.setHeight(h);
        scrollToRow(topRow.get());
        syncScrollBar();
        draw();
    }

    private void draw() {
        fullDraws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.setFill(colors.get("-bd-hex-background"));
        g.fillRect(0, 0, w, h);
        MediaBuffer b = buffer.get();
        if (b == null) return;
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(colors.get("-bd-hex-rule"));
        g.strokeLine(hexX() - charWidth, 0, hexX() - charWidth, h);
        g.strokeLine(asciiX() - charWidth, 0, asciiX() - charWidth, h);
        long rows = rowCount();
        List<long[]> runs = new ArrayList<>();
        List<Color> runColors = new ArrayList<>();
        Shading shader = shading.get();
        if (shader != null) {
            long first = topRow.get() * HexText.BYTES_PER_ROW;
            long last = Math.min(b.size(), (topRow.get() + visibleRows() + 1) * HexText.BYTES_PER_ROW);
            shader.shade(first, last, (from, to, color) -> {
                runs.add(new long[] {from, to});
                runColors.add(color);
            });
        }
        int run = 0;
        long selFrom = hasSelection() ? selectionStart() : -1;
        long selTo = hasSelection() ? selectionEnd() : -2;
        for (int i = 0; i <= visibleRows() && topRow.get() + i < rows; i++) {
            long row = topRow.get() + i;
            double y = PAD / 2 + i * rowHeight;
            if (row % 2 == 1) {
                g.setFill(colors.get("-bd-hex-stripe"));
                g.fillRect(0, y, w, rowHeight);
            }
            int count = HexText.read(b, row, rowBytes);
            long rowStart = row * HexText.BYTES_PER_ROW;
            for (int c = 0; c < count; c++) {
                long at = rowStart + c;
                while (run < runs.size() && runs.get(run)[1] <= at) run++;
                if (run < runs.size() && runs.get(run)[0] <= at) {
                    g.setFill(runColors.get(run));
                    g.fillRect(hexCellX(c) - 1, y, charWidth * (c == 7 ? 4 : 3), rowHeight);
                    g.fillRect(asciiCellX(c), y, charWidth, rowHeight);
                }
                if (at >= selFrom && at <= selTo) {
                    g.setFill(colors.get("-bd-hex-selection"));
                    g.fillRect(hexCellX(c) - 1, y, charWidth * 2 + 2, rowHeight);
                    g.fillRect(asciiCellX(c), y, charWidth, rowHeight);
                }
            }
            if (caret.get() >= rowStart && caret.get() < rowStart + count) {
                int c = (int) (caret.get() - rowStart);
                g.setStroke(colors.get("-bd-hex-caret"));
                g.strokeRect(hexCellX(c) - 1, y + 0.5, charWidth * 2 + 2, rowHeight - 1);
                g.strokeRect(asciiCellX(c), y + 0.5, charWidth, rowHeight - 1);
                g.setStroke(colors.get("-bd-hex-rule"));
            }
            g.setFill(colors.get("-bd-hex-offset"));
            g.fillText(HexText.offset(row), PAD, y + 1);
            for (int c = 0; c < count; c++) {
                g.setFill(rowBytes[c] == 0 ? colors.get("-bd-hex-zero") : colors.get("-bd-hex-text"));
                g.fillText(HexText.pair(rowBytes[c]), hexCellX(c), y + 1);
            }
            g.setFill(colors.get("-bd-hex-text"));
            g.fillText(HexText.ascii(rowBytes, count), asciiX(), y + 1);
        }
        coverPartColumn(g, w, h);
        drawMark();
    }

    /**
     * Underlines the marked bytes on the layer above the rows, leaving out selected bytes (whose
     * selection colour hides the mark) and columns that do not fit whole.
     */
    private void drawMark() {
        GraphicsContext g = markLayer.getGraphicsContext2D();
        double w = markLayer.getWidth(), h = markLayer.getHeight();
        g.clearRect(0, 0, w, h);
        MediaBuffer b = buffer.get();
        if (b == null || markFrom < 0 || markTo <= markFrom) return;
        long first = Math.max(markFrom, topRow.get() * HexText.BYTES_PER_ROW);
        long last = Math.min(Math.min(markTo, b.size()), (topRow.get() + visibleRows() + 1) * HexText.BYTES_PER_ROW);
        long selFrom = hasSelection() ? selectionStart() : -1;
        long selTo = hasSelection() ? selectionEnd() : -2;
        g.setStroke(colors.get("-bd-hex-mark"));
        g.setLineWidth(2);
        for (long at = first; at < last; at++) {
            if (at >= selFrom && at <= selTo) continue;
            int c = (int) (at % HexText.BYTES_PER_ROW);
            double y = PAD / 2 + (at / HexText.BYTES_PER_ROW - topRow.get()) * rowHeight + rowHeight - 1.5;
            g.strokeLine(hexCellX(c) - 1, y, hexCellX(c) + charWidth * 2 + 1, y);
            g.strokeLine(asciiCellX(c), y, asciiCellX(c + 1), y);
        }
        g.clearRect(keptWidth(w), 0, w, h);
    }

    /** A column that does not fit whole is not drawn at all, rather than cut through its characters. */
    private void coverPartColumn(GraphicsContext g, double w, double h) {
        double keep = keptWidth(w);
        if (keep >= w) return;
        g.setFill(colors.get("-bd-hex-background"));
        g.fillRect(keep, 0, w - keep, h);
    }

    /** How much of a width {@code w} the whole columns take. */
    private double keptWidth(double w) {
        double hexEnd = hexX() + charWidth * HEX_CHARS;
        return textColumnEnd() <= w ? w : hexEnd <= w ? asciiX() - charWidth : hexX() - charWidth;
    }
}
