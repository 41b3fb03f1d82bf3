package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.thread.Fx;
import dev.bufferdeck.repository.ByteSizes;
import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.ui.dnd.DropZone;
import dev.bufferdeck.ui.downloads.DownloadsView;
import dev.bufferdeck.ui.hex.HexPane;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.library.BufferDetailPane;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.LazyTip;
import dev.bufferdeck.ui.library.LibraryView;
import dev.bufferdeck.ui.notify.NoticeLayer;
import dev.bufferdeck.ui.regions.HexInspector;
import dev.bufferdeck.ui.regions.HexTab;
import dev.bufferdeck.ui.sound.EqualizerWindow;
import dev.bufferdeck.ui.sound.LoudnessDetail;
import dev.bufferdeck.ui.thread.Background;
import dev.bufferdeck.ui.video.VideoArea;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.List;
import java.util.Objects;

/** The player window: menu, now playing, transport, library with details and hex, downloads, status bar. */
public final class MainWindow {
    private final MainController controller;
    private final BorderPane root = new BorderPane();
    private final NowPlayingPane nowPlaying;
    private final TransportBar transport;
    private final LibraryView libraryView;
    private DownloadsView downloads;
    private VBox bottom;
    private final BufferDetailPane details = new BufferDetailPane();
    private final TabPane inspector = new TabPane() {
        /** Room for the hex view's three columns: TabPane alone does not ask for its content's minimum. */
        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + hexTab.getContent().minWidth(height) + snappedRightInset() + 2;
        }
    };
    private final Tab detailsTab = new Tab("Details", details);
    private final HexTab hexTab;
    private final StatusLine statusBar = new StatusLine();
    private final Label output = new Label();
    private final Scene scene;
    private WorkArea workArea;
    private NoticeLayer notifications;
    private final EqualizerWindow equalizer;

    public MainWindow(MainController controller) {
        this.controller = controller;
        this.hexTab = new HexTab(state -> new HexInspector(state, new HexPane(),
                controller.player().analyses().gated(Background.newPool("bufferdeck-regions", 1)), new PlayerTransport(controller.player())));
        Button playlistButton = new Button("Playlist", new Icon(Glyph.PLAYLIST_MUSIC));
        playlistButton.setId("open-playlist");
        LazyTip.on(playlistButton, "Show the playlist window (Ctrl+P)");
        playlistButton.setFocusTraversable(false);
        playlistButton.setOnAction(e -> controller.togglePlaylistWindow());
        this.nowPlaying = new NowPlayingPane(controller.player());
        nowPlaying.showSpectrumWhile(controller.spectrumShownProperty());
        this.transport = new TransportBar(controller.player(), playlistButton);
        this.equalizer = new EqualizerWindow(controller.sound(), controller.stage());
        Button equalizerButton = new Button(null, new Icon(Glyph.TUNE_VERTICAL));
        equalizerButton.setId("open-equalizer");
        equalizerButton.getStyleClass().add("icon-button");
        LazyTip.on(equalizerButton, "Equalizer and ReplayGain");
        equalizerButton.setFocusTraversable(false);
        equalizerButton.setOnAction(e -> equalizer.toggle());
        transport.addTool(equalizerButton);
        nowPlaying.showReplayGain(controller.sound().replayGainTextProperty());
        this.libraryView = new LibraryView(controller.library(), controller);
        libraryView.columnLayoutProperty().bindBidirectional(controller.libraryColumnsProperty());
        this.scene = createView();
        init();
    }

    /** Shows the equalizer window, or hides it. */
    public void toggleEqualizer() { equalizer.toggle(); }

    public EqualizerWindow equalizerWindow() { return equalizer; }

    private Scene createView() {
        root.getStyleClass().add("main-window");
        VBox header = new VBox(10, VideoArea.around(nowPlaying, controller.services().playback(),
                controller.services().repository(), controller.notifier(), s -> Shortcuts.install(s, controller.player(), null)), transport);
        header.getStyleClass().add("player-header");

        inspector.getTabs().setAll(detailsTab, hexTab);
        inspector.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        inspector.setId("inspector");
        workArea = new WorkArea(libraryView, inspector, hexTab, controller.dividersProperty());

        statusBar.setId("status-bar");
        Icon memoryIcon = new Icon(Glyph.MEMORY);
        statusBar.setGraphic(memoryIcon);
        output.setGraphic(new Icon(Glyph.SPEAKER));
        output.setId("status-output");
        statusBar.getRightItems().add(output);

        downloads = new DownloadsView(controller.loads());
        VBox body = new VBox(header, workArea);
        VBox.setVgrow(workArea, Priority.ALWAYS);
        // from the bottom: a notice never covers the now-playing title or the toolbars
        notifications = new NoticeLayer(body, controller.notifier(), false);
        notifications.setId("notice-layer");
        MenuBar menu = MenuBuilder.build(controller, this);
        root.setTop(menu);
        root.setCenter(notifications);
        bottom = new VBox(downloads, statusBar);
        root.setBottom(bottom);

        Rectangle2D size = firstStartSize();
        Scene s = new Scene(root, size.getWidth(), size.getHeight());
        controller.theme().attach(s);
        s.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("main.css")).toExternalForm());
        return s;
    }

    private void init() {
        controller.library().memoryProperty().addListener((o, a, f) -> showMemory(f));
        showMemory(controller.library().memoryProperty().get());
        output.setText(controller.player().outputName());
        controller.player().stateProperty().addListener((o, a, b) -> output.setText(controller.player().outputName()));
        controller.sound().outputInUseProperty().addListener((o, a, name) -> output.setText(name));
        LoudnessDetail loudness = new LoudnessDetail(
                controller.sound().loudness(), details.loudnessProperty(), controller.player().clock().seenProperty());
        details.rowProperty().addListener((o, a, row) -> loudness.show(row == null ? null : row.buffer()));
        libraryView.table().getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            details.rowProperty().set(row != null ? row : controller.player().nowPlayingProperty().get());
            hexTab.state().showChosen(row == null ? null : row.buffer());
            controller.player().prepare(row == null ? null : row.buffer());
            controller.sources().open(row, () -> {
                if (libraryView.table().getSelectionModel().getSelectedItem() != row) return;
                hexTab.state().showChosen(null); // the same buffer, its bytes back: shown again
                hexTab.state().showChosen(row.buffer());
            });
        });
        controller.player().nowPlayingProperty().addListener((o, a, row) -> {
            if (libraryView.table().getSelectionModel().isEmpty()) details.rowProperty().set(row);
        });
        // the hex view and its regions parse the whole buffer: they start once the sound has started
        controller.player().settledProperty().addListener((o, a, row) ->
                hexTab.state().playingProperty().set(row == null ? null : row.buffer()));
        followGrowth();
        nowPlaying.onRecord(controller.sources()::recordWindow, controller.sources()::recordNext);
        scene.getAccelerators().put(FOCUS_MODE, () -> workArea.setFocusMode(!workArea.isFocusMode()));
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && workArea.isFocusMode()) {
                workArea.setFocusMode(false);
                e.consume();
            }
        });
        scene.windowProperty().addListener((o, a, w) -> {
            if (w != null) w.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> centreIfUnplaced(w));
        });
        Shortcuts.install(scene, controller.player(), () -> controller.remove(libraryView.selection()));
        DropZone.install(libraryView.table(), (items, e) -> controller.sources().dropOnLibrary(items));
        DropZone.install(root, (items, e) -> controller.sources().dropOnPlayer(items));
        controller.player().nowPlayingProperty().addListener((o, a, row) -> updateTitle(row));
        libraryView.playingProperty().bind(controller.player().nowPlayingProperty());
        updateTitle(null);
    }

    /** The hex view follows a buffer still loading: its rows extend as its library row grows. */
    private void followGrowth() {
        InvalidationListener grew = o -> {
            if (hexTab.builtView() != null) hexTab.builtView().bytesArrived();
        };
        hexTab.state().shownProperty().addListener((o, old, b) -> {
            if (old != null) controller.library().row(old).ifPresent(r -> {
                r.sizeProperty().removeListener(grew);
                r.digestProperty().removeListener(grew);
            });
            if (b != null && !b.isComplete()) controller.library().row(b).ifPresent(r -> {
                r.sizeProperty().addListener(grew);
                r.digestProperty().addListener(grew);
            });
        });
    }

    public Scene scene() { return scene; }

    /**
     * Warms what the first load and the first download show (the notices' bar, a library row's cells,
     * a downloads line, the Record menu, the icons' shapes) after this scene's next pulse, a step per
     * pulse; call once this scene is on the stage, so that the filled window is never later for it.
     */
    public IdleWarmUp warmUpWhenIdle() {
        return warmUpWhenIdle(false);
    }

    /**
     * As {@link #warmUpWhenIdle()}; with {@code demoRowComing} (a first start, whose demo clip is made
     * once the window is drawn) the library's rows are not built ahead: the demo clip's row builds them,
     * as it did when it came before the warm-up. Built ahead first, the table's Name and Origin columns
     * came out a pixel apart in some starts.
     */
    public IdleWarmUp warmUpWhenIdle(boolean demoRowComing) {
        Runnable line = () -> downloads.warmLine(bottom);
        // the notices' bar first: the first load says so in a notice
        Runnable bar = notifications::bar;
        Runnable record = nowPlaying::placeRecordMenu;
        IdleWarmUp warm = new IdleWarmUp(demoRowComing ? List.of(bar, line, record) : List.of(bar, libraryView::warmRowCells, line, record),
                Icon::warmShapes);
        warm.startAfterNextPulse(scene);
        return warm;
    }
    public LibraryView libraryView() { return libraryView; }
    public DownloadsView downloads() { return downloads; }
    /** The hex view's pane, built now if the Hex tab has not been shown yet. */
    public HexPane hexPane() { return hexTab.view().hexPane(); }
    /** The hex inspector, built now if the Hex tab has not been shown yet. */
    public HexInspector hexInspector() { return hexTab.view(); }
    public NowPlayingPane nowPlaying() { return nowPlaying; }
    public TransportBar transport() { return transport; }
    public StatusLine statusBar() { return statusBar; }
    public BorderPane root() { return root; }

    public void showHex() { inspector.getSelectionModel().select(hexTab); }
    public void showDetails() { inspector.getSelectionModel().select(detailsTab); }

    /** Focus mode on and off: the inspector alone below the transport bar. */
    public static final KeyCombination FOCUS_MODE = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN);
    /** A first start's window: this share of the screen's visual bounds, centred. */
    static final double FIRST_START_SHARE = 0.8;

    public boolean isFocusMode() { return workArea.isFocusMode(); }
    public void setFocusMode(boolean on) { workArea.setFocusMode(on); }
    public SplitPane workArea() { return workArea; }
    public TabPane inspectorTabs() { return inspector; }

    /** The window of a first start (a restored session sets its own size over this). */
    static Rectangle2D firstStartSize() {
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        return new Rectangle2D(0, 0, Math.round(b.getWidth() * FIRST_START_SHARE), Math.round(b.getHeight() * FIRST_START_SHARE));
    }

    /** Centres a window nothing has placed yet (JavaFX alone would put it a third of the way down). */
    private static void centreIfUnplaced(Window w) {
        if (!Double.isNaN(w.getX()) || !Double.isNaN(w.getY()) || w.getScene() == null) return;
        Rectangle2D b = Screen.getPrimary().getVisualBounds();
        w.setX(b.getMinX() + Math.max(0, (b.getWidth() - w.getScene().getWidth()) / 2));
        w.setY(b.getMinY() + Math.max(0, (b.getHeight() - w.getScene().getHeight()) / 2));
    }

    private void showMemory(MemoryFigures f) {
        statusBar.setText(f.describe() + (f.reserved() > 0 ? " · loading " + ByteSizes.human(f.reserved()) : ""));
    }

    private void updateTitle(BufferRow row) {
        Object window = scene.getWindow();
        if (window instanceof Stage stage) {
            stage.setTitle(row == null ? "BufferDeck" : row.title() + " — BufferDeck");
        }
    }

    /** Ctrl+G from anywhere: the hex tab, with the focus in its offset field. */
    public void goToOffset() {
        showHex();
        // after the tab's next layout: a view built just now is not yet shown and cannot take the focus
        Fx.afterNextPulse(scene, () -> hexPane().focusGoTo());
    }

    public void showAbout() {
        About.dialog(scene.getWindow(), scene.getStylesheets()).show();
    }

    public void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        int i = 0;
        for (String[] kv : Shortcuts.HELP) {
            Label key = new Label(kv[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i++, key, new Label(kv[1]));
        }
        Alert help = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        help.initOwner(scene.getWindow());
        help.setTitle("Keyboard shortcuts");
        help.setHeaderText("Keyboard shortcuts");
        help.getDialogPane().setContent(new StackPane(grid));
        help.getDialogPane().getStylesheets().addAll(scene.getStylesheets());
        help.show();
    }

}
