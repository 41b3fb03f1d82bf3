package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.dnd.ClipboardReader;
import dev.bufferdeck.ui.dnd.InternalDrag;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.thread.PulseSteps;
import java.io.File;
import java.nio.ByteBuffer;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableCellSkin;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Every buffer in the repository: a sortable, multi-select table with its actions. */
public final class LibraryView extends BorderPane {
    private final LibraryModel model;
    private final LibraryActions actions;
    private final TableView<BufferRow> table = new TableView<>();
    /**
     * The font the cells are measured in: the stylesheet's 13px, bold, as the playing and pinned rows show
     * their text (measured in the regular weight, the playing row's size was cut: "172.3 ...").
     */
    private final Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 13);
    private TableColumn<BufferRow, ?> sizeColumn;
    private TableColumn<BufferRow, ?> formatColumn;
    private final StringProperty columnLayout = new SimpleStringProperty("");
    private final Label heading = new Label("Library");
    /** How many entries are in memory and how many are references, with the bytes each way. */
    private final Label residenceTotals = new Label();
    private final ToggleButton pin = new ToggleButton(null, new Icon(Glyph.PIN));
    private final ObjectProperty<BufferRow> playing = new SimpleObjectProperty<>();
    /** Marks the row of the buffer playing, as the playlist does. */
    public static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    /** Marks a buffer whose bytes were let go to make room: a reference, loaded again when needed. */
    public static final PseudoClass REFERENCE = PseudoClass.getPseudoClass("reference");
    /** Marks a buffer the user pinned in memory. */
    public static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    /** Marks a buffer the decoders refuse (known from its headers when it was loaded). */
    public static final PseudoClass UNPLAYABLE = PseudoClass.getPseudoClass("unplayable");

    /** The vertical scroll bar the table shows once the rows outgrow it. */
    static final double TABLE_SCROLL_BAR = 16;
    /** Hex digits of the SHA-256 the table shows (the whole hash is in the tooltip and the details). */
    static final int SHA_PREFIX = 8;
    /** Name and Origin share what the fixed columns leave, each at least this (their text goes to a tooltip). */
    static final double NAME_MIN_WIDTH = 84;

    public LibraryView(LibraryModel model, LibraryActions actions) {
        this.model = model;
        this.actions = actions;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("library");
        getStylesheets().add(Objects.requireNonNull(LibraryView.class.getResource("library.css")).toExternalForm());
        table.setId("library-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Drop files or URLs here, or use File ▸ Open"));
        // Size, Format, Duration and SHA-256 are fixed at their content's width; Name and Origin share the rest.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<BufferRow, String> name = textColumn("Name", r -> r.buffer().name(), 200);
        name.setCellFactory(c -> tooltipCell(s -> s, s -> s));
        TableColumn<BufferRow, String> origin = textColumn("Origin", r -> r.buffer().origin().describe(), 200);
        origin.setCellFactory(c -> tooltipCell(s -> s, s -> s));
        TableColumn<BufferRow, Number> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> c.getValue().sizeProperty());
        size.setCellFactory(c -> tooltipCell(n -> ByteSizes.human(n.longValue()), n -> String.format("%,d bytes", n.longValue())));
        size.setPrefWidth(80);
        size.getStyleClass().add("numeric");
        TableColumn<BufferRow, BufferRow> format = new TableColumn<>("Format");
        format.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        format.setCellFactory(c -> new FormatCell());
        format.setComparator((a, b) -> a.buffer().detectedFormat().displayName().compareToIgnoreCase(b.buffer().detectedFormat().displayName()));
        format.setPrefWidth(90);
        // "Length", not "Duration": the column is as wide as its header, and the pane beside the hex view is narrow.
        TableColumn<BufferRow, Number> duration = new TableColumn<>("Length");
        duration.setCellValueFactory(c -> Bindings.createLongBinding(() -> c.getValue().durationMillis(), c.getValue().factsProperty()));
        duration.setCellFactory(c -> tooltipCell(n -> n.longValue() < 0 ? "" : TimeText.of(n.longValue()), n -> null));
        duration.setPrefWidth(70);
        duration.getStyleClass().add("numeric");
        TableColumn<BufferRow, String> sha = new TableColumn<>("SHA-256");
        sha.setCellValueFactory(c -> c.getValue().digestProperty());
        sha.setPrefWidth(110);
        sha.setCellFactory(c -> tooltipCell(LibraryView::digestPrefix, s -> s));
        sha.getStyleClass().add("mono");
        name.setId("name");
        origin.setId("origin");
        size.setId("size");
        format.setId("format");
        duration.setId("duration");
        sha.setId("sha256");
        ColumnFit.fix(size, ColumnFit.width(font, "Size", List.of(), 0));
        ColumnFit.fix(duration, ColumnFit.width(font, duration.getText(), List.of("8:88:88"), 0));
        ColumnFit.fix(format, ColumnFit.width(font, "Format", List.of(), 0));
        ColumnFit.fix(sha, ColumnFit.width(Font.font("Monospaced", 13), "SHA-256", List.of("8".repeat(SHA_PREFIX)), 0));
        this.sizeColumn = size;
        this.formatColumn = format;
        name.setMinWidth(NAME_MIN_WIDTH);
        origin.setMinWidth(NAME_MIN_WIDTH);
        name.setPrefWidth(130);
        origin.setPrefWidth(130);
        table.getColumns().setAll(List.of(name, origin, size, format, duration, sha));
        // Name and Origin fit first: the digest's column shows when there is room for it too (the details show the whole hash)
        table.widthProperty().addListener((o, was, width) -> {
            double others = table.snappedLeftInset() + TABLE_SCROLL_BAR + table.snappedRightInset();
            for (TableColumn<BufferRow, ?> c : table.getColumns()) if (c != sha) others += c.getMinWidth();
            sha.setVisible(width.doubleValue() >= others + sha.getMinWidth());
        });

        SortedList<BufferRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // made when first asked for: a popup window with a scene of its own, of no use to the window's start
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (table.getContextMenu() == null) table.setContextMenu(contextMenu());
        });

        heading.getStyleClass().add("pane-heading");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Button play = toolButton("Play", new Icon(Glyph.PLAY), "Play the selected buffer");
        play.setOnAction(e -> first().ifPresent(actions::play));
        Button add = toolButton("Add to playlist", new Icon(Glyph.PLAYLIST_PLUS), "Append the selection to the playlist");
        add.setOnAction(e -> actions.addToPlaylist(selection()));
        Button remove = toolButton("Remove", new Icon(Glyph.DELETE), "Remove from memory (Delete)");
        remove.setOnAction(e -> actions.remove(selection()));
        remove.setId("library-remove");
        for (Button b : List.of(play, add, remove)) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        pin.setId("library-pin");
        LazyTip.on(pin, "Keep the selection in memory (pin)");
        pin.setAccessibleText("Pin in memory");
        pin.getStyleClass().add("pane-tool");
        pin.setMinWidth(Region.USE_PREF_SIZE);
        pin.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        residenceTotals.setId("library-residence");
        residenceTotals.getStyleClass().add("residence-totals");
        // the totals have a line of their own under the buttons (the pane beside the hex view is narrow); they never widen it
        residenceTotals.setMinWidth(0);
        residenceTotals.setPrefWidth(0);
        residenceTotals.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(6, heading, spacer, pin, play, add, remove);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(2, tools, residenceTotals);
        top.getStyleClass().add("pane-tools");
        setTop(top);
        setCenter(table);
    }

    private void init() {
        model.memoryProperty().addListener((o, a, f) -> showTotals(f));
        showTotals(model.memoryProperty().get());
        // the toggle shows the selected row's pin and sets it for the whole selection
        InvalidationListener pinShown = o -> {
            BufferRow r = table.getSelectionModel().getSelectedItem();
            pin.setSelected(r != null && r.buffer().isPinned());
        };
        table.getSelectionModel().selectedItemProperty().addListener(pinShown);
        pin.setOnAction(e -> selection().forEach(r -> model.pin(r, pin.isSelected())));
        table.setRowFactory(t -> {
            TableRow<BufferRow> row = new MarkedRow();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) actions.play(row.getItem());
            });
            row.setOnDragDetected(e -> {
                if (row.isEmpty()) return;
                List<BufferRow> dragged = selection().contains(row.getItem()) ? selection() : List.of(row.getItem());
                Dragboard db = row.startDragAndDrop(TransferMode.COPY);
                db.setContent(dragContent(dragged));
                e.consume();
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                first().ifPresent(actions::play);
                e.consume();
            }
        });
        model.rows().addListener((ListChangeListener<BufferRow>) c ->
                heading.setText("Library · " + model.rows().size()));
        heading.setText("Library · " + model.rows().size());
        keepColumnLayout();
        model.rows().addListener((ListChangeListener<BufferRow>) c -> {
            while (c.next()) fitColumnsTo(c.getAddedSubList());
        });
        fitColumnsTo(model.rows());
    }

    /**
     * Builds the table's rows and their cells ahead of its first load, a row a pulse (each a step of
     * {@link PulseSteps}), until they fill the table; FX thread, once the library is in the filled
     * window. The first row to arrive then reuses them: it used to build a screenful of empty rows
     * (12 rows of 6 cells, each with its skin and CSS) in one pulse, 50-57 ms of the FX thread's CPU
     * on a loaded machine, and building them all ahead in one step cost 63-79 ms (issue 14). Each
     * step lays the table out only as tall as the rows built so far with one stand-in row, then empty
     * and at its own size again, all within the step: no pulse ever draws the stand-in. The table
     * keeps the rows it built for reuse. Nothing is built once the library has rows (it has built
     * its own).
     */
    public void warmRowCells() {
        PulseSteps.add(this::loadRowClasses);
        buildRowsAheadStepByStep();
    }

    private void buildRowsAheadStepByStep() {
        PulseSteps.add(() -> {
            if (buildRowsAhead()) buildRowsAheadStepByStep();
            else rowCellsWarmed = true;
        });
    }

    /**
     * Makes a row, its cells and their skins once, outside the table, and lets them go: their classes
     * are loaded and initialised in a step of their own, which the first row built ahead cost on top
     * of its own work (issue 14).
     */
    private void loadRowClasses() {
        if (!model.rows().isEmpty()) return;
        table.getRowFactory().call(table);
        for (TableColumn<BufferRow, ?> c : table.getColumns()) loadCellClasses(c);
    }

    private static <T> void loadCellClasses(TableColumn<BufferRow, T> column) {
        TableCell<BufferRow, T> cell = column.getCellFactory().call(column);
        new TableCellSkin<>(cell).dispose();
    }

    /** Rows built ahead per pulse: the first step also loads the cells' classes and their CSS. */
    static final int ROWS_AHEAD_PER_STEP = 1;
    private int rowsAhead;
    private boolean rowCellsWarmed;

    /** Builds {@link #ROWS_AHEAD_PER_STEP} more rows ahead; true while the table is not yet full of them. */
    private boolean buildRowsAhead() {
        double width = table.getWidth();
        double height = table.getHeight();
        double rowHeight = table.getFixedCellSize();
        if (!model.rows().isEmpty() || getScene() == null || width <= 0 || height <= 0 || rowHeight <= 0) return false;
        rowsAhead += ROWS_AHEAD_PER_STEP;
        // the column headers are about a row high
        double tall = Math.min(height, (rowsAhead + 1) * rowHeight);
        ObservableList<BufferRow> items = table.getItems();
        table.setItems(FXCollections.observableArrayList(new BufferRow(STAND_IN)));
        try {
            table.resize(width, tall);
            table.layout();
        } finally {
            table.setItems(items);
            table.resize(width, height);
            table.layout();
        }
        return tall < height;
    }

    /** The row the table is laid out with while it builds its rows ahead (never drawn). */
    private static final MediaBuffer STAND_IN = MediaRepository.unlisted(new byte[0], "warm-up.mp3",
            new Origin.Dropped("", "warm-up"), FormatDetector.NONE);

    /** True once {@link #warmRowCells()} has built the table's rows ahead, or found it had no need to. */
    public boolean rowCellsWarmed() { return rowCellsWarmed; }

    /** Widths of the Size and Format texts measured so far: a library shows few distinct ones. */
    private final Map<String, Double> textWidths = new HashMap<>();

    /** Widens Size and Format to the texts of rows added (never cut; they do not shrink back). */
    private void fitColumnsTo(List<? extends BufferRow> added) {
        for (BufferRow row : added) {
            MediaBuffer b = row.buffer();
            grow(sizeColumn, measured(ByteSizes.human(b.size())));
            grow(formatColumn, measured(b.detectedFormat().displayName()) + (b.typeMismatch() ? 20 : 0));
        }
    }

    /** A text's width in a cell, measured once (a Text node laid out each time: two per row added before, some 40 µs). */
    private double measured(String text) {
        if (textWidths.size() > 1024) textWidths.clear();
        return textWidths.computeIfAbsent(text, t -> ColumnFit.width(font, "", List.of(t), 0));
    }

    private static void grow(TableColumn<BufferRow, ?> column, double width) {
        if (width > column.getMinWidth()) ColumnFit.fix(column, width);
    }

    public TableView<BufferRow> table() { return table; }

    /** The column order and widths, as the session keeps them; setting it (a restored session) applies it. */
    public StringProperty columnLayoutProperty() { return columnLayout; }

    private void keepColumnLayout() {
        boolean[] applying = {false};
        Runnable record = () -> {
            if (!applying[0]) columnLayout.set(ColumnLayout.write(table.getColumns()));
        };
        table.getColumns().addListener((InvalidationListener) o -> record.run());
        for (TableColumn<BufferRow, ?> c : table.getColumns()) c.widthProperty().addListener(o -> record.run());
        columnLayout.addListener((o, old, saved) -> {
            if (applying[0] || saved.equals(ColumnLayout.write(table.getColumns()))) return;
            applying[0] = true;
            try {
                table.getColumns().setAll(ColumnLayout.apply(saved, List.copyOf(table.getColumns())));
            } finally {
                applying[0] = false;
            }
        });
    }
    /** The row of the buffer playing, highlighted; null when nothing plays. */
    public ObjectProperty<BufferRow> playingProperty() { return playing; }

    public List<BufferRow> selection() { return List.copyOf(table.getSelectionModel().getSelectedItems()); }

    private Optional<BufferRow> first() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private ContextMenu contextMenu() {
        MenuItem play = new MenuItem("Play", new Icon(Glyph.PLAY));
        play.setOnAction(e -> first().ifPresent(actions::play));
        MenuItem add = new MenuItem("Add to playlist", new Icon(Glyph.PLAYLIST_PLUS));
        add.setOnAction(e -> actions.addToPlaylist(selection()));
        MenuItem save = new MenuItem("Save bytes to file…", new Icon(Glyph.CONTENT_SAVE));
        save.setOnAction(e -> first().ifPresent(actions::save));
        MenuItem copyUrl = new MenuItem("Copy URL / path", new Icon(Glyph.CONTENT_COPY));
        copyUrl.setOnAction(e -> first().ifPresent(r -> copy(r.buffer().origin().finalLocation())));
        MenuItem copyHash = new MenuItem("Copy SHA-256");
        copyHash.setOnAction(e -> first().ifPresent(r -> copy(r.buffer().sha256())));
        CheckMenuItem keep = new CheckMenuItem("Keep in memory (pin)");
        keep.setOnAction(e -> selection().forEach(r -> model.pin(r, keep.isSelected())));
        MenuItem remove = new MenuItem("Remove from memory", new Icon(Glyph.DELETE));
        remove.setOnAction(e -> actions.remove(selection()));
        ContextMenu menu = new ContextMenu(play, add, new SeparatorMenuItem(), save, copyUrl, copyHash, new SeparatorMenuItem(), keep, remove);
        menu.setOnShowing(e -> {
            BufferRow r = table.getSelectionModel().getSelectedItem();
            keep.setSelected(r != null && r.buffer().isPinned());
        });
        return menu;
    }

    /** The largest buffer whose bytes a drag offers: they are copied as the drag starts, on the FX thread. */
    static final int DRAG_BYTES_MAX = 16 << 20;

    /**
     * What a drag out of the library offers: the buffer ids (for the playlist window), the files they
     * came from when they came from files, and the first buffer's bytes under its MIME type when it is
     * complete and at most {@link #DRAG_BYTES_MAX} long (no temporary file). The bytes are a copy in
     * an array of their own: JavaFX hands every format to the toolkit as the drag starts, and GTK's
     * drag source sends a ByteBuffer's whole backing array ({@code ByteBuffer.array()}), so a
     * read-only view, a buffer outside the heap or a slice of a larger array would send nothing or
     * the wrong bytes.
     */
    static ClipboardContent dragContent(List<BufferRow> rows) {
        ClipboardContent content = new ClipboardContent();
        content.put(InternalDrag.BUFFERS,
                String.join(",", rows.stream().map(r -> Long.toString(r.buffer().id())).toList()));
        List<File> files = rows.stream().map(r -> r.buffer().origin())
                .filter(o -> o instanceof Origin.File)
                .map(o -> ((Origin.File) o).path().toFile()).toList();
        if (!files.isEmpty()) content.putFiles(files);
        MediaBuffer first = rows.get(0).buffer();
        MediaFormat format = first.detectedFormat();
        if (format != null && format != MediaFormat.UNKNOWN && first.isResident() && first.isComplete()
                && first.size() > 0 && first.size() <= DRAG_BYTES_MAX) {
            ByteSource bytes = first.bytes();
            byte[] copy = new byte[bytes.limit()];
            bytes.get(0, copy);
            content.put(ClipboardReader.format(format.mimeType()), ByteBuffer.wrap(copy));
        }
        return content;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The hash's first digits; the words shown before there is a hash ("loading 42%", "live stream") shortened to fit as well. */
    static String digestPrefix(String digest) {
        if (digest.startsWith("live")) return "live";
        if (digest.startsWith("loading ")) return "↓ " + digest.substring("loading ".length());
        return digest.substring(0, Math.min(SHA_PREFIX, digest.length()));
    }

    /** An icon-only button (the pane beside the hex view is narrow): its words go to the tooltip and to screen readers. */
    /** e.g. "3 in memory (60 MiB) · 12 references (240 MiB)". */
    private void showTotals(MemoryFigures f) {
        residenceTotals.setText(f.inMemory() + " in memory (" + ByteSizes.human(f.held()) + ")"
                + (f.references() == 0 ? "" : " · " + f.references() + (f.references() == 1 ? " reference (" : " references (")
                + ByteSizes.human(f.referenceBytes()) + ")"));
    }

    /** The label with the totals in memory and as references. */
    public Label residenceTotals() { return residenceTotals; }

    /** The pin toggle of the toolbar. */
    public ToggleButton pinToggle() { return pin; }

    private static Button toolButton(String text, Icon icon, String tip) {
        Button b = new Button(null, icon);
        b.setAccessibleText(text);
        LazyTip.on(b, text + ": " + tip);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.getStyleClass().add("pane-tool");
        return b;
    }

    /**
     * The least width that shows the toolbar and every column without cutting: the fixed columns whole,
     * Name and Origin at their minimum. (The view's own min width stays free, so a narrow window can squeeze it.)
     */
    public double uncutWidth() {
        double columns = 0;
        for (TableColumn<BufferRow, ?> c : table.getColumns()) columns += c.getMinWidth();
        double tableWidth = table.snappedLeftInset() + columns + TABLE_SCROLL_BAR + table.snappedRightInset();
        Region tools = (Region) getTop();
        return snappedLeftInset() + Math.max(tableWidth, tools.prefWidth(-1)) + snappedRightInset();
    }

    private static TableColumn<BufferRow, String> textColumn(String title, Function<BufferRow, String> value, double width) {
        TableColumn<BufferRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(DisplayText.safe(value.apply(f.getValue()))));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableCell<BufferRow, T> tooltipCell(Function<T, String> text, Function<T, String> tip) {
        return new TableCell<>() {
            private final LazyTip lazyTip = new LazyTip(this);

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                lazyTip.setLazily(empty || item == null ? null : () -> tip.apply(item));
            }
        };
    }

    /** A row marked while its buffer plays, and when the decoders refuse its buffer (with the reason as tooltip). */
    private final class MarkedRow extends TableRow<BufferRow> {
        private final InvalidationListener mark = o -> mark();
        private final LazyTip tip = new LazyTip(this);
        private BufferRow watched;

        MarkedRow() {
            playing.addListener(new WeakInvalidationListener(mark));
        }

        @Override
        protected void updateItem(BufferRow item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.factsProperty().removeListener(mark);
                watched.residenceProperty().removeListener(mark);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.factsProperty().addListener(mark);
                watched.residenceProperty().addListener(mark);
            }
            mark();
        }

        private void mark() {
            pseudoClassStateChanged(PLAYING, watched != null && watched == playing.get());
            String why = watched == null ? null : watched.facts().unplayable();
            pseudoClassStateChanged(UNPLAYABLE, why != null);
            Residence where = watched == null ? null : watched.residence();
            pseudoClassStateChanged(REFERENCE, where == Residence.REFERENCE);
            pseudoClassStateChanged(PINNED, where == Residence.PINNED);
            tip.set(why != null ? why : where == null || where == Residence.IN_MEMORY ? null : where.description());
        }
    }

    /** The detected format, with a warning badge when the name or Content-Type claimed something else. */
    private static final class FormatCell extends TableCell<BufferRow, BufferRow> {
        private final LazyTip tip = new LazyTip(this);

        @Override
        protected void updateItem(BufferRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("mismatch");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                tip.set(null);
                return;
            }
            setText(row.buffer().detectedFormat().displayName());
            if (row.buffer().typeMismatch()) {
                Icon badge = new Icon(Glyph.ALERT);
                badge.getStyleClass().add("mismatch-badge");
                setGraphic(badge);
                getStyleClass().add("mismatch");
                String note = row.buffer().mismatchNote();
                tip.set(note.isEmpty() ? "Declared as " + row.buffer().declaredType() : note);
            } else {
                setGraphic(null);
                tip.set(row.buffer().declaredType().isEmpty() ? null : "Declared: " + row.buffer().declaredType());
            }
        }
    }
}
