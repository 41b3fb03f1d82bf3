package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.playlist.Repeat;
import dev.bufferdeck.ui.dnd.DropZone;
import dev.bufferdeck.ui.dnd.InternalDrag;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.theme.Theme;
import dev.bufferdeck.ui.library.TimeText;
import dev.bufferdeck.ui.thread.Fx;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The playlist in its own window: reorder by dragging, delete, shuffle, repeat, import and export. */
public final class PlaylistWindow {
    /** Marks the row of the entry playing. */
    public static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    /** Marks a row that cannot play: its source is unavailable, or the decoders refuse its bytes. */
    public static final PseudoClass UNPLAYABLE = PseudoClass.getPseudoClass("unplayable");
    private final PlaylistModel model;
    private final PlaylistActions actions;
    private final Stage stage = new Stage();
    private final TableView<PlaylistRow> table = new TableView<>();
    private final ToggleButton shuffle = new ToggleButton(null, new Icon(Glyph.SHUFFLE_VARIANT));
    private final Button repeat = new Button();
    private final Label summary = new Label();
    private final BorderPane root = new BorderPane();
    private boolean shownReportPending;

    /** A window of its own, not owned by the main window, so it does not stay above it. */
    public PlaylistWindow(PlaylistModel model, PlaylistActions actions) {
        this.model = model;
        this.actions = actions;
        createView();
        init();
    }

    private void createView() {
        table.setId("playlist-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Drop files or URLs here, or add from the library"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlaylistRow, PlaylistRow> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        index.setCellFactory(c -> new IndexCell());
        index.setSortable(false);
        index.setPrefWidth(52);
        TableColumn<PlaylistRow, String> title = new TableColumn<>("Title");
        title.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().title(), c.getValue().factsProperty()));
        title.setSortable(false);
        title.setPrefWidth(260);
        TableColumn<PlaylistRow, String> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            long ms = c.getValue().durationMillis();
            return ms < 0 ? "" : (c.getValue().isEstimated() ? "≈" : "") + TimeText.of(ms);
        }, c.getValue().factsProperty(), c.getValue().estimatedProperty()));
        duration.setSortable(false);
        duration.setPrefWidth(70);
        duration.getStyleClass().add("numeric");
        TableColumn<PlaylistRow, String> origin = new TableColumn<>("Origin");
        origin.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().originText(), c.getValue().rowProperty()));
        origin.setSortable(false);
        origin.setPrefWidth(240);
        table.getColumns().setAll(List.of(index, title, duration, origin));
        table.setItems(model.entries());

        shuffle.setId("playlist-shuffle");
        shuffle.setTooltip(new Tooltip("Shuffle"));
        repeat.setId("playlist-repeat");
        Button remove = new Button(null, new Icon(Glyph.DELETE));
        remove.setTooltip(new Tooltip("Remove the selected entries (Delete)"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        Button importButton = new Button("Import…", new Icon(Glyph.FILE_IMPORT));
        importButton.setOnAction(e -> actions.importPlaylist());
        Button exportButton = new Button("Export…", new Icon(Glyph.FILE_EXPORT));
        exportButton.setOnAction(e -> actions.exportPlaylist());
        summary.getStyleClass().add("playlist-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(6, shuffle, repeat, remove, summary, spacer, importButton, exportButton);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("playlist-tools");

        root.getStyleClass().add("playlist-window");
        root.setTop(tools);
        root.setCenter(table);
        Scene scene = new Scene(root, 640, 420);
        scene.getStylesheets().add(Objects.requireNonNull(PlaylistWindow.class.getResource("playlist.css")).toExternalForm());
        Theme.ensureOn(scene);   // playlist.css looks up the theme's colours, also when no switcher attaches one
        stage.setScene(scene);
        stage.setTitle("Playlist — BufferDeck");
        stage.setMinWidth(360);
        stage.setMinHeight(200);
    }

    private void init() {
        shuffle.selectedProperty().bindBidirectional(model.shuffleProperty());
        repeat.setOnAction(e -> model.repeatProperty().set(model.repeatProperty().get().following()));
        model.repeatProperty().addListener((o, a, r) -> showRepeat(r));
        showRepeat(model.repeatProperty().get());
        Runnable summarySoon = Fx.perPulse(this::updateSummary); // it adds up every entry: once per pulse, not per change
        model.entries().addListener((ListChangeListener<PlaylistRow>) c -> summarySoon.run());
        updateSummary();
        table.setRowFactory(t -> reorderableRow());
        reportShownRows();
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                actions.play(table.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                e.consume();
            }
        });
        DropZone.install(table, (items, e) -> actions.dropAt(items, dropIndex(e)));
        table.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasContent(InternalDrag.BUFFERS)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        table.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (!e.getDragboard().hasContent(InternalDrag.BUFFERS)) return;
            actions.insertBuffers(parseIndices((String) e.getDragboard().getContent(InternalDrag.BUFFERS))
                    .stream().map(Integer::longValue).toList(), dropIndex(e));
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** Tells the model which rows the table shows, as it scrolls, resizes or its rows change (their facts are read first). */
    private void reportShownRows() {
        InvalidationListener changed = o -> {
            Scene scene = table.getScene();
            if (shownReportPending || scene == null) return;
            shownReportPending = true;
            // after the layout that placed the cells (a plain runLater could come before it)
            Fx.afterNextPulse(scene, () -> {
                shownReportPending = false;
                VirtualFlow<?> flow = flow();
                if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) return;
                model.showing(flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex());
            });
        };
        table.skinProperty().addListener((o, was, skin) -> {
            VirtualFlow<?> flow = flow();
            if (flow != null) flow.positionProperty().addListener(changed);
            changed.invalidated(null);
        });
        table.heightProperty().addListener(changed);
        table.sceneProperty().addListener(changed);
        model.entries().addListener(changed);
    }

    private VirtualFlow<?> flow() {
        if (!(table.getSkin() instanceof TableViewSkin<?> skin)) return null;
        return (VirtualFlow<?>) skin.getChildren().stream().filter(VirtualFlow.class::isInstance).findFirst().orElse(null);
    }

    public Stage stage() { return stage; }
    public TableView<PlaylistRow> table() { return table; }
    public Scene scene() { return stage.getScene(); }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public void toggle() {
        if (stage.isShowing()) stage.hide(); else show();
    }

    public void removeSelected() {
        List<PlaylistRow> gone = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        table.getSelectionModel().clearSelection();
        model.remove(gone);
    }

    private void showRepeat(Repeat mode) {
        repeat.setGraphic(new Icon(switch (mode) {
            case OFF -> Glyph.REPEAT_OFF;
            case ALL -> Glyph.REPEAT;
            case ONE -> Glyph.REPEAT_ONCE;
        }));
        repeat.setTooltip(new Tooltip(switch (mode) {
            case OFF -> "Repeat off";
            case ALL -> "Repeat all";
            case ONE -> "Repeat one";
        }));
        repeat.getStyleClass().remove("on");
        if (mode != Repeat.OFF) repeat.getStyleClass().add("on");
    }

    private void updateSummary() {
        long total = model.entries().stream().mapToLong(e -> Math.max(0, e.durationMillis())).sum();
        int n = model.entries().size();
        summary.setText(n + (n == 1 ? " entry" : " entries") + (total > 0 ? " · " + TimeText.of(total) : ""));
    }

    /** The index a drop lands at: before the row under the pointer, or at the end. */
    private int dropIndex(DragEvent e) {
        Node n = e.getPickResult() == null ? null : e.getPickResult().getIntersectedNode();
        while (n != null && !(n instanceof TableRow<?>)) n = n.getParent();
        if (n instanceof TableRow<?> row && !row.isEmpty()) return row.getIndex();
        return model.entries().size();
    }

    private TableRow<PlaylistRow> reorderableRow() {
        TableRow<PlaylistRow> row = new TableRow<>() {
            private final InvalidationListener mark = o -> markPlaying();
            private final InvalidationListener state = o -> markState();
            private PlaylistRow watched;
            {
                model.currentProperty().addListener(new WeakInvalidationListener(mark));
            }

            @Override
            protected void updateItem(PlaylistRow item, boolean empty) {
                super.updateItem(item, empty);
                if (watched != null) {
                    watched.factsProperty().removeListener(state);
                    watched.problemProperty().removeListener(state);
                }
                watched = empty ? null : item;
                if (watched != null) {
                    watched.factsProperty().addListener(state);
                    watched.problemProperty().addListener(state);
                }
                markPlaying();
                markState();
            }

            private void markPlaying() {
                pseudoClassStateChanged(PLAYING, !isEmpty() && getItem() != null && getItem() == model.current());
            }

            private void markState() {
                String why = watched == null ? null : watched.whyNotPlayable();
                pseudoClassStateChanged(UNPLAYABLE, why != null);
                setTooltip(why == null ? null : new Tooltip(why));
                setContextMenu(watched == null ? null : contextMenu(watched));
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) actions.play(row.getItem());
        });
        row.setOnDragDetected(e -> {
            if (row.isEmpty()) return;
            Dragboard db = row.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(InternalDrag.ROWS, selectedIndicesText(row.getIndex()));
            db.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(InternalDrag.ROWS)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        row.setOnDragEntered(e -> { if (e.getDragboard().hasContent(InternalDrag.ROWS)) row.getStyleClass().add("drop-before"); });
        row.setOnDragExited(e -> row.getStyleClass().remove("drop-before"));
        row.setOnDragDropped(e -> {
            if (!e.getDragboard().hasContent(InternalDrag.ROWS)) return;
            List<Integer> indices = parseIndices((String) e.getDragboard().getContent(InternalDrag.ROWS));
            int target = row.isEmpty() ? model.entries().size() : row.getIndex();
            model.move(indices, target);
            table.getSelectionModel().clearSelection();
            e.setDropCompleted(true);
            e.consume();
        });
        return row;
    }

    private ContextMenu contextMenu(PlaylistRow entry) {
        MenuItem play = new MenuItem("Play");
        play.setOnAction(e -> actions.play(entry));
        MenuItem retry = new MenuItem("Retry loading");
        retry.setId("playlist-retry");
        retry.setOnAction(e -> actions.retry(entry));
        retry.setDisable(!entry.isUnavailable());
        MenuItem remove = new MenuItem("Remove");
        remove.setOnAction(e -> model.remove(List.of(entry)));
        return new ContextMenu(play, retry, remove);
    }

    private String selectedIndicesText(int dragged) {
        List<Integer> selected = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        if (!selected.contains(dragged)) selected = List.of(dragged);
        return String.join(",", selected.stream().map(String::valueOf).toList());
    }

    static List<Integer> parseIndices(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    /** "▶ 3" for the playing entry, "3" for the others. */
    private final class IndexCell extends TableCell<PlaylistRow, PlaylistRow> {
        private final InvalidationListener mark = o -> show(getItem(), isEmpty());
        private PlaylistRow watched;

        IndexCell() {
            model.currentProperty().addListener(new WeakInvalidationListener(mark));
        }

        @Override
        protected void updateItem(PlaylistRow item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.factsProperty().removeListener(mark);
                watched.problemProperty().removeListener(mark);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.factsProperty().addListener(mark);
                watched.problemProperty().addListener(mark);
            }
            show(item, empty);
        }

        private void show(PlaylistRow item, boolean empty) {
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(Integer.toString(getIndex() + 1));
            if (item.whyNotPlayable() != null) {
                Icon icon = new Icon(item.isUnavailable() ? Glyph.CLOUD_OFF_OUTLINE : Glyph.ALERT_CIRCLE_OUTLINE);
                icon.getStyleClass().add("unplayable-icon");
                setGraphic(icon);
            } else if (item == model.current()) {
                Icon icon = new Icon(Glyph.PLAY);
                icon.getStyleClass().add("playing-icon");
                setGraphic(icon);
            } else {
                setGraphic(null);
            }
        }
    }
}
