package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Playhead;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionKind;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.hex.HexPane;
import dev.bufferdeck.ui.hex.HexView;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The hex view with the structure of its bytes: region colours behind the cells, the region under the
 * mouse in a tooltip, the region tree beside it (choosing a region selects its bytes), the first
 * problem above it, and "follow playback", which marks the frame being heard and keeps it on screen.
 * Clicking a byte inside an audio frame of the buffer playing seeks there.
 */
public final class HexInspector extends BorderPane {
    /** What the inspector needs from the player. */
    public interface Transport {
        /** The buffer playing or paused, or null. */
        MediaBuffer current();
        boolean isPlaying();
        long positionMillis();
        void seek(long millis);
    }

    static final long FOLLOW_PERIOD_NANOS = 100_000_000L;
    static final long TREE_FOLLOW_PERIOD_NANOS = 500_000_000L;

    private final HexPane hexPane;
    private final RegionsPane regions;
    private final ProblemBanner banner = new ProblemBanner();
    private final ToggleButton follow = new ToggleButton("Follow playback", new FontIcon(MaterialDesignC.CROSSHAIRS_GPS));
    private final ToggleButton showTree = new ToggleButton("Regions", new FontIcon(MaterialDesignF.FILE_TREE));
    private final SplitPane split = new SplitPane();
    private final Tooltip tip = new Tooltip();
    private final Transport transport;
    private RegionAnalysis analysis;
    private Region heard;
    private long lastFollow;
    private long lastTreeFollow;
    private final AnimationTimer followTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - lastFollow < FOLLOW_PERIOD_NANOS) return;
            lastFollow = now;
            followPlayback(now);
        }
    };

    private final dev.bufferdeck.ui.theme.ThemeColors regionFills = RegionColors.palette();
    private RegionShading shading;

    public HexInspector(HexPane hexPane, Executor executor, Transport transport) {
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
        follow.setTooltip(new Tooltip("While playing, mark the bytes being heard and keep them on screen"));
        follow.setSelected(true);
        showTree.setId("show-region-tree");
        showTree.setTooltip(new Tooltip("Show or hide the region tree beside the hex view"));
        showTree.setSelected(true);
        HBox tools = new HBox(8, follow, showTree);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("hex-inspector-tools");
        banner.setId("problem-banner");
        setTop(new VBox(banner, tools));
        regions.setId("region-tree-pane");
        split.getItems().setAll(hexPane, regions);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(regions, false);
        setCenter(split);
        getChildren().addAll(regionFills.probes());
        regionFills.onChange(this::applyShading);
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
        follow.selectedProperty().addListener((o, a, on) -> updateFollowing());
        showTree.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                split.getItems().setAll(hexPane, regions);
                split.setDividerPositions(0.64);
            } else {
                split.getItems().setAll(hexPane);
            }
        });
        sceneProperty().addListener((o, a, s) -> updateFollowing());
        updateFollowing();
    }

    public RegionsPane regionsPane() { return regions; }
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
            return;
        }
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
        if (follow.isSelected() && getScene() != null) {
            followTimer.start();
        } else {
            followTimer.stop();
            heard = null;
            hexPane.hexView().setMark(-1, -1);
        }
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
        Optional<Region> region = an.playhead().get().regionAtMillis(transport.positionMillis());
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
