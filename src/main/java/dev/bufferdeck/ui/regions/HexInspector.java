package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Playhead;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionKind;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.hex.HexPane;
import dev.bufferdeck.ui.hex.HexView;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.playback.PlaybackClock;
import dev.bufferdeck.ui.theme.ThemeColors;
import java.util.EnumSet;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The hex view with the structure of its bytes: region colours behind the cells, the region under the
 * mouse in a tooltip, the region tree beside it (choosing a region selects its bytes, and its whole
 * line shows under the hex view), the first problem above it, and "follow playback", which shows the
 * buffer playing, marks the frame being heard and keeps it on screen. Clicking a byte inside an audio
 * frame of the buffer playing seeks there.
 * <p>
 * The hex view keeps the width of its three columns; when the inspector is too narrow for the tree as
 * well, the tree gives way to a strip and comes back when there is room.
 */
public final class HexInspector extends BorderPane {
    /** What the inspector needs from the player. */
    public interface Transport {
        /** The buffer playing or paused, or null. */
        MediaBuffer current();
        boolean isPlaying();
        /** Where playback is, ticking while it moves. */
        PlaybackClock clock();
        void seek(long millis);
    }

    static final long FOLLOW_PERIOD_NANOS = 100_000_000L;
    static final long TREE_FOLLOW_PERIOD_NANOS = 500_000_000L;
    /** While a hidden tab or pane holds this inspector, it looks this often whether it shows again. */
    static final long HIDDEN_LOOK_NANOS = 500_000_000L;
    /** Narrower than this, the region tree gives way to its strip. */
    static final double TREE_MIN_WIDTH = 180;
    private static final double DIVIDER_ALLOWANCE = 8;
    static final double STRIP_WIDTH = 30;

    private final HexPane hexPane;
    private final RegionsPane regions;
    private final ProblemBanner banner = new ProblemBanner();
    private final Label bufferName = new Label();
    private final ToggleButton follow = new ToggleButton("Follow playback", new Icon(Glyph.CROSSHAIRS_GPS));
    private final ToggleButton showTree = new ToggleButton("Regions", new Icon(Glyph.FILE_TREE));
    private final ToggleButton focus = new ToggleButton(null, new Icon(Glyph.ARROW_EXPAND_ALL));
    private final Button treeStrip = new Button(null, new Icon(Glyph.FILE_TREE));
    private final Label regionLine = new Label();
    private final RegionLegend legend = new RegionLegend();
    private final VBox hexColumn = new VBox();
    private final SplitPane split = new SplitPane();
    private final Tooltip tip = new Tooltip();
    private final Transport transport;
    private final InspectorState state;
    private final ReadOnlyBooleanWrapper treeRoom = new ReadOnlyBooleanWrapper(true);
    private boolean placing;
    private boolean dividerPlaced;
    private RegionAnalysis analysis;
    private Region heard;
    private long lastFollow;
    private long lastTreeFollow;
    private boolean following;
    private final InvalidationListener followTick = o -> followTick();

    private final ThemeColors regionFills = RegionColors.palette();
    private RegionShading shading;
    /** The last buffer whose regions were read with every byte there. */
    private MediaBuffer regionsWhole;

    public HexInspector(HexPane hexPane, Executor executor, Transport transport) {
        this(new InspectorState(), hexPane, executor, transport);
    }

    /** The view of {@code state}: its toggles and the buffer shown follow the state, which may be older than this view. */
    public HexInspector(InspectorState state, HexPane hexPane, Executor executor, Transport transport) {
        this.state = state;
        this.hexPane = hexPane;
        this.regions = new RegionsPane(executor);
        this.transport = transport;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("hex-inspector");
        getStylesheets().add(RegionColors.stylesheet());
        follow.setId("follow-playback");
        follow.setTooltip(new Tooltip("Show the buffer playing, mark the bytes being heard and keep them on screen."
                + " Choosing another buffer in the library turns this off."));
        showTree.setId("show-region-tree");
        showTree.setTooltip(new Tooltip("Show the region tree beside the hex view, or fold it to a strip"));
        focus.setId("hex-focus");
        focus.setTooltip(new Tooltip("Focus: the inspector takes the whole window below the transport bar (Ctrl+I; Esc returns)"));
        bufferName.setId("hex-buffer-name");
        bufferName.getStyleClass().add("hex-buffer-name");
        bufferName.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        bufferName.setMinWidth(0);
        bufferName.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bufferName, Priority.ALWAYS);
        HBox tools = new HBox(8, bufferName, follow, showTree, focus);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setMinWidth(0);
        tools.getStyleClass().add("hex-inspector-tools");
        banner.setId("problem-banner");
        setTop(new VBox(banner, tools));

        regionLine.setId("hex-region-line");
        regionLine.getStyleClass().add("hex-region-line");
        regionLine.setMinWidth(0);
        regionLine.setMaxWidth(Double.MAX_VALUE);
        hexColumn.getChildren().setAll(hexPane, regionLine);
        VBox.setVgrow(hexPane, Priority.ALWAYS);

        regions.setId("region-tree-pane");
        regions.setMinWidth(TREE_MIN_WIDTH);
        treeStrip.setId("region-tree-strip");
        treeStrip.getStyleClass().add("region-tree-strip");
        treeStrip.setMaxHeight(Double.MAX_VALUE);
        treeStrip.setMinWidth(STRIP_WIDTH);
        treeStrip.setPrefWidth(STRIP_WIDTH);
        treeStrip.setMaxWidth(STRIP_WIDTH);
        treeStrip.setFocusTraversable(false);
        split.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(hexColumn, false);
        setCenter(split);
        getChildren().addAll(regionFills.probes());
        regionFills.onChange(this::applyShading);
        legend.setId("region-legend");
        setBottom(legend);
        tip.setShowDelay(Duration.millis(350));
        tip.setId("hex-region-tooltip");
    }

    private void init() {
        HexView hex = hexPane.hexView();
        regions.bufferProperty().bind(hexPane.bufferProperty());
        regions.analysisProperty().addListener((o, a, an) -> apply(an));
        regions.setOnRegionChosen(r -> hex.select(r.offset(), Math.max(r.offset(), r.end() - 1)));
        banner.setOnJump(this::jumpTo);
        Tooltip.install(hex, tip);
        hex.addEventHandler(MouseEvent.MOUSE_MOVED, e -> tip.setText(describe(hex.offsetAt(e.getX(), e.getY()))));
        hex.topRowProperty().addListener((o, a, b) -> tip.hide());
        hex.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !e.isShiftDown()) {
                seekToByte(hex.caretProperty().get());
            }
        });
        follow.selectedProperty().bindBidirectional(state.followProperty());
        showTree.selectedProperty().bindBidirectional(state.treeShownProperty());
        focus.selectedProperty().bindBidirectional(state.focusModeProperty());
        follow.selectedProperty().addListener((o, a, on) -> updateFollowing());
        state.shownProperty().addListener((o, a, b) -> showWhatFits());
        hexPane.bufferProperty().addListener((o, a, b) -> nameBuffer());
        hexPane.bufferProperty().addListener((o, a, b) -> regionsWhole = b != null && b.isComplete() ? b : null);
        state.playingProperty().addListener((o, a, b) -> nameBuffer());
        regions.treeView().getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                regionLine.setText(item == null || item.getValue() == null ? "" : RegionText.line(item.getValue())));
        showTree.selectedProperty().addListener((o, a, on) -> layOutTree());
        treeRoom.addListener((o, a, room) -> layOutTree());
        widthProperty().addListener((o, a, w) -> treeRoom.set(w.doubleValue() <= 0 || w.doubleValue() >= widthWithTree()));
        treeStrip.setOnAction(e -> showTree.setSelected(true));
        treeStrip.disableProperty().bind(treeRoom.not());
        split.widthProperty().addListener((o, a, w) -> {
            if (!dividerPlaced) placeTreeDivider();
        });
        split.getDividers().addListener((ListChangeListener<SplitPane.Divider>) c -> {
            while (c.next()) {
                for (SplitPane.Divider d : c.getAddedSubList()) {
                    d.positionProperty().addListener((o, a, p) -> {
                        if (!placing && dividerPlaced) state.treeDividerProperty().set(p.doubleValue());
                    });
                }
            }
        });
        state.treeDividerProperty().addListener((o, a, d) -> placeTreeDivider());
        sceneProperty().addListener((o, a, s) -> updateFollowing());
        showWhatFits();
        layOutTree();
        nameBuffer();
        updateFollowing();
    }

    /** The hex column and the tree's strip: the tree is the first to give way, so it asks for no room of its own. */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + hexColumn.minWidth(-1) + STRIP_WIDTH + snappedRightInset();
    }

    /** The hex column at its own width, a divider and the tree at its least. */
    private double widthWithTree() {
        return snappedLeftInset() + hexColumn.minWidth(-1) + DIVIDER_ALLOWANCE + TREE_MIN_WIDTH + snappedRightInset();
    }

    private void layOutTree() {
        boolean shown = showTree.isSelected() && treeRoom.get();
        if (split.getItems().contains(hexColumn) && shown == split.getItems().contains(regions)) return;
        dividerPlaced = false;
        if (shown) {
            setRight(null);
            split.getItems().setAll(hexColumn, regions);
            placeTreeDivider();
        } else {
            split.getItems().setAll(hexColumn);
            setRight(treeStrip);
        }
        treeStrip.setTooltip(new Tooltip(treeRoom.get() ? "Show the region tree"
                : "No room for the region tree: widen the window, drag the library divider or use focus mode (Ctrl+I)"));
    }

    /** The saved divider, or else the hex column at its own width and the rest to the tree. */
    private void placeTreeDivider() {
        double w = split.getWidth();
        if (w <= 0 || split.getDividers().isEmpty()) return;
        double divider = state.treeDividerProperty().get();
        double at = Double.isNaN(divider) ? (hexColumn.minWidth(-1) + 2) / w : divider;
        placing = true;
        try {
            split.getDividers().get(0).setPosition(Math.min(0.95, at));
        } finally {
            placing = false;
        }
        dividerPlaced = true;
    }

    /** The buffer playing or paused (null for none): what "follow playback" shows. */
    public ObjectProperty<MediaBuffer> playingProperty() { return state.playingProperty(); }
    /** On while focus mode is asked for: the window gives the inspector the whole area below the transport bar. */
    public BooleanProperty focusModeProperty() { return state.focusModeProperty(); }
    /** The user's choice: the region tree beside the hex view (true) or folded to a strip. */
    public BooleanProperty treeShownProperty() { return state.treeShownProperty(); }
    /** False while the inspector is too narrow for the hex view and the tree side by side. */
    public ReadOnlyBooleanProperty treeRoomProperty() { return treeRoom.getReadOnlyProperty(); }
    /** The hex | tree divider as a fraction of their width; NaN for the default (the hex view at its own width). */
    public DoubleProperty treeDividerProperty() { return state.treeDividerProperty(); }
    public boolean treeVisible() { return split.getItems().contains(regions); }
    public Label bufferName() { return bufferName; }
    public Label regionLine() { return regionLine; }
    public RegionLegend legend() { return legend; }
    public ToggleButton focusToggle() { return focus; }
    public Button treeStrip() { return treeStrip; }

    /**
     * The buffer the user chose (a library row), or null. While following playback it is shown only when
     * nothing plays; choosing a buffer other than the one playing turns following off and shows it.
     */
    public void showChosen(MediaBuffer buffer) {
        state.showChosen(buffer);
    }

    private void showWhatFits() {
        MediaBuffer shown = state.shownProperty().get();
        if (hexPane.bufferProperty().get() != shown) hexPane.bufferProperty().set(shown);
    }

    private void nameBuffer() {
        MediaBuffer b = hexPane.bufferProperty().get();
        MediaBuffer p = state.playingProperty().get();
        boolean isPlaying = b != null && p != null && b.id() == p.id();
        bufferName.setText(b == null ? "No buffer" : b.name() + (isPlaying ? "  ·  playing" : ""));
        bufferName.setGraphic(isPlaying ? new Icon(Glyph.CROSSHAIRS_GPS) : null);
    }

    /**
     * The buffer shown grew while it loads, or completed: the hex rows extend at once; once every
     * byte is here, its regions (read from the first bytes so far) are read again over all of them.
     */
    public void bytesArrived() {
        hexPane.bytesArrived();
        MediaBuffer b = hexPane.bufferProperty().get();
        if (b != null && b.isComplete() && b != regionsWhole) {
            regionsWhole = b;
            regions.reload();
        }
    }

    public RegionsPane regionsPane() { return regions; }
    public HexPane hexPane() { return hexPane; }
    public ProblemBanner banner() { return banner; }
    public ToggleButton followToggle() { return follow; }
    public ToggleButton treeToggle() { return showTree; }
    public Tooltip regionTooltip() { return tip; }
    /** The analysis the view shows, or null while parsing. */
    public RegionAnalysis analysis() { return analysis; }

    private void apply(RegionAnalysis an) {
        analysis = an;
        heard = null;
        HexView hex = hexPane.hexView();
        hex.setMark(-1, -1);
        if (an == null) {
            shading = null;
            applyShading();
            banner.clear();
            legend.show(EnumSet.allOf(RegionKind.class));
            return;
        }
        legend.show(an.kinds());
        shading = new RegionShading(an.tree(), kind -> regionFills.get(RegionColors.cssName(kind)));
        applyShading();
        banner.show(an.finding().orElse(null));
    }

    /** Hands the hex view the shading anew (also when the theme's fills change, so it repaints). */
    private void applyShading() {
        RegionShading s = shading;
        hexPane.hexView().shadingProperty().set(s == null ? null : (from, to, out) -> s.shade(from, to, out::fill));
    }

    /** "0x1A2F0 · MPEG audio › frame 12 › frame header · MPEG-1 Layer III · stereo" */
    String describe(long offset) {
        if (offset < 0) return "";
        RegionAnalysis an = analysis;
        String where = an == null ? "" : RegionText.at(an.tree(), offset);
        return RegionText.hex(offset) + (where.isEmpty() ? "" : " · " + where);
    }

    private void jumpTo(long offset) {
        hexPane.hexView().goTo(offset);
        RegionAnalysis an = analysis;
        if (an != null) an.tree().deepestAt(offset).ifPresent(r -> regions.treeView().reveal(r));
        hexPane.hexView().requestFocus();
    }

    private void updateFollowing() {
        boolean follows = follow.isSelected() && getScene() != null;
        if (follows == following) return;
        following = follows;
        if (follows) {
            transport.clock().pulseProperty().addListener(followTick);
            transport.clock().wake();
        } else {
            transport.clock().pulseProperty().removeListener(followTick);
            heard = null;
            hexPane.hexView().setMark(-1, -1);
        }
    }

    private void followTick() {
        long now = transport.clock().pulseProperty().get();
        // the next look, while playing (playing again wakes the clock)
        if (!onScreen()) {
            if (transport.isPlaying()) transport.clock().tickIn(HIDDEN_LOOK_NANOS);
            return;
        }
        if (now - lastFollow >= FOLLOW_PERIOD_NANOS) {
            lastFollow = now;
            followPlayback(now);
        }
        if (transport.isPlaying()) transport.clock().tickIn(lastFollow + FOLLOW_PERIOD_NANOS - now);
    }

    /**
     * False while a hidden tab or pane holds this inspector: it stays in the scene, but marking and
     * scrolling there would redraw the hex canvas and lay out the tree ten times a second for no one.
     */
    private boolean onScreen() {
        for (Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    private boolean showsCurrent(RegionAnalysis an) {
        MediaBuffer playing = transport.current();
        return an != null && playing != null && playing.id() == an.buffer().id() && an.playhead().isPresent();
    }

    /** Marks the audio unit being heard and scrolls it into view; the tree follows less often. */
    void followPlayback(long now) {
        RegionAnalysis an = analysis;
        HexView hex = hexPane.hexView();
        if (!showsCurrent(an) || !transport.isPlaying()) {
            if (heard != null && !showsCurrent(an)) {
                heard = null;
                hex.setMark(-1, -1);
            }
            return;
        }
        Optional<Region> region = an.playhead().get().regionAtMillis(transport.clock().position());
        if (region.isEmpty()) return;
        Region r = region.get();
        boolean moved = heard == null || heard.offset() != r.offset();
        heard = r;
        hex.setMark(r.offset(), r.end());
        if (moved) {
            long row = r.offset() / 16;
            long top = hex.topRowProperty().get();
            if (row < top || row >= top + hex.visibleRows()) hex.scrollToRow(row - hex.visibleRows() / 3);
        }
        if (moved && now - lastTreeFollow >= TREE_FOLLOW_PERIOD_NANOS) {
            lastTreeFollow = now;
            regions.treeView().reveal(r);
        }
    }

    /** Seeks to the audio unit holding {@code offset} when it is in an audio region of the buffer playing. */
    void seekToByte(long offset) {
        RegionAnalysis an = analysis;
        if (offset < 0 || !showsCurrent(an) || !insideAudio(an.tree(), offset)) return;
        Playhead playhead = an.playhead().get();
        playhead.millisAtOffset(offset).ifPresent(transport::seek);
    }

    private static boolean insideAudio(RegionTree tree, long offset) {
        List<Region> path = tree.pathAt(offset);
        for (Region r : path) if (r.kind() == RegionKind.AUDIO_FRAME || r.kind() == RegionKind.AUDIO_DATA) return true;
        return false;
    }
}
