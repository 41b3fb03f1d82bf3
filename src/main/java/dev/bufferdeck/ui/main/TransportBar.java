package dev.bufferdeck.ui.main;

import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import dev.bufferdeck.ui.library.LazyTip;
import dev.bufferdeck.ui.waveform.WaveformLoader;
import dev.bufferdeck.ui.waveform.WaveformView;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Seek slider with elapsed and total time, the transport buttons, volume and mute. The position
 * follows the window's clock, moving the slider only when the waveform's playhead would move to the
 * next pixel or the elapsed second changes (each move repaints the window); dragging the slider seeks.
 */
public final class TransportBar extends VBox {
    private final PlayerController player;
    private final Slider seek = new Slider(0, 1, 0);
    private final WaveformView waveform = new WaveformView();
    private final WaveformLoader waveformLoader;
    private final TimeLabel elapsed = new TimeLabel("time-elapsed");
    /** The current entry's length, or nothing. */
    private final TimeLabel total = new TimeLabel("time-total");
    private final Button previous = iconButton(new Icon(Glyph.SKIP_PREVIOUS), "Previous (P)", "transport-previous");
    private final Button playPause = iconButton(new Icon(Glyph.PLAY), null, "transport-play");
    private final LazyTip playPauseTip = LazyTip.on(playPause, "Play (Space)");
    private final Button stop = iconButton(new Icon(Glyph.STOP), "Stop", "transport-stop");
    private final Button next = iconButton(new Icon(Glyph.SKIP_NEXT), "Next (N)", "transport-next");
    private final ToggleButton mute = new ToggleButton();
    private final Slider volume = new Slider(0, 1, 0.8);
    private final Button playlistButton;
    private final HBox tools = new HBox(4);
    private boolean followingPlayer;
    /** How late the elapsed time may turn to its next second, to change in the same repaint as the playhead. */
    static final long SECOND_LATE_MILLIS = 100;

    public TransportBar(PlayerController player, Button playlistButton) {
        this.player = player;
        this.playlistButton = playlistButton;
        this.waveformLoader = new WaveformLoader(waveform, player.analyses());
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("transport");
        seek.setId("seek-slider");
        seek.getStyleClass().add("seek");
        elapsed.showMillis(0);
        HBox.setHgrow(seek, Priority.ALWAYS);
        waveform.setId("waveform");
        waveform.setPrefHeight(40);
        waveform.setMinHeight(36);
        waveform.setStyle("-fx-padding: 2 7 2 7;");
        // what follows playback is laid out alone, not with the whole window at each move
        VBox seekColumn = new VBox(0, waveform, new LayoutRoot(seek));
        HBox.setHgrow(seekColumn, Priority.ALWAYS);
        HBox seekRow = new HBox(8, elapsed, seekColumn, total);
        seekRow.setAlignment(Pos.CENTER);

        playPause.getStyleClass().add("play-button");
        mute.setId("transport-mute");
        mute.getStyleClass().add("icon-button");
        LazyTip.on(mute, "Mute (M)");
        volume.setId("volume-slider");
        volume.setPrefWidth(110);
        LazyTip.on(volume, "Volume (Up/Down)");
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox buttons = new HBox(6, previous, playPause, stop, next);
        buttons.setAlignment(Pos.CENTER);
        HBox volumeBox = new HBox(4, mute, volume);
        volumeBox.setAlignment(Pos.CENTER_RIGHT);
        tools.getChildren().add(playlistButton);
        tools.setAlignment(Pos.CENTER_LEFT);
        HBox leftBox = new HBox(tools);
        leftBox.setAlignment(Pos.CENTER_LEFT);
        leftBox.setMinWidth(150);
        volumeBox.setMinWidth(150);
        HBox controls = new HBox(8, leftBox, left, buttons, right, volumeBox);
        controls.setAlignment(Pos.CENTER);
        setSpacing(4);
        getChildren().addAll(seekRow, controls);
    }

    private void init() {
        previous.setOnAction(e -> player.previous());
        playPause.setOnAction(e -> player.playPause());
        stop.setOnAction(e -> player.stop());
        next.setOnAction(e -> player.next());
        volume.valueProperty().bindBidirectional(player.volumeProperty());
        mute.selectedProperty().bindBidirectional(player.mutedProperty());
        mute.graphicProperty().bind(Bindings.createObjectBinding(() ->
                new Icon(mute.isSelected() || volume.getValue() == 0 ? Glyph.VOLUME_OFF : Glyph.VOLUME_HIGH),
                mute.selectedProperty(), volume.valueProperty()));
        player.stateProperty().addListener((o, a, s) -> showState(s));
        player.durationProperty().addListener((o, a, d) -> {
            showDuration(d.longValue());
            player.clock().wake(); // the position may have been held back at the old length
        });
        player.nowPlayingProperty().addListener((o, a, r) -> showDuration(player.durationProperty().get()));
        showState(player.state());
        showDuration(player.durationProperty().get());
        seek.valueProperty().addListener((o, a, v) -> {
            if (!followingPlayer && !seek.isValueChanging()) player.seekTo(Math.round(v.doubleValue()));
            elapsed.showMillis(Math.round(v.doubleValue()));
        });
        seek.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) player.seekTo(Math.round(seek.getValue()));
        });
        waveform.setOnSeek(player::seekTo);
        seek.valueProperty().addListener((o, a, v) -> waveform.positionMillisProperty().set(Math.round(v.doubleValue())));
        player.settledProperty().addListener((o, a, r) -> waveformLoader.show(r == null ? null : r.buffer()));
        // a change listener: an invalidation listener hears a tick only if someone read the one before
        player.clock().pulseProperty().addListener((o, was, now) -> followPosition(player.clock().position()));
        // the playhead's pixel columns change with the waveform and its width: the next tick is asked anew
        waveform.widthProperty().addListener(o -> player.clock().tickIn(0));
        waveform.waveformProperty().addListener(o -> player.clock().tickIn(0));
        seek.pressedProperty().addListener((o, was, pressed) -> {
            if (!pressed) player.clock().wake();
        });
    }

    public Slider seekSlider() { return seek; }

    /** Puts another button beside the playlist button (the equalizer's). */
    public void addTool(Node tool) { tools.getChildren().add(tool); }
    public WaveformView waveform() { return waveform; }
    public Button playPauseButton() { return playPause; }

    private void followPosition(long position) {
        if (seek.isValueChanging() || seek.isPressed()) return;   // released: the clock wakes
        long shown = Math.round(seek.getValue());
        if (shown / 1000 != position / 1000 || columnAt(shown) != columnAt(position)) {
            followingPlayer = true;
            try {
                seek.setValue(Math.min(position, seek.getMax()));
            } finally {
                followingPlayer = false;
            }
            shown = Math.round(seek.getValue());
        }
        player.clock().tickAt(nextTick((shown / 1000 + 1) * 1000, millisAtColumn(columnAt(shown) + 1)));
    }

    /**
     * The next tick this bar needs: the playhead's next pixel column, or the next second shown when
     * that comes first; a second whose column follows within {@link #SECOND_LATE_MILLIS} waits for
     * it, so the two change in one repaint.
     */
    static long nextTick(long nextSecond, long nextColumn) {
        return nextColumn <= nextSecond + SECOND_LATE_MILLIS ? nextColumn : nextSecond;
    }

    /**
     * The pixel column of the waveform's playhead at {@code millis} (the slider's, without a
     * waveform): the thumb moves with the playhead, about a pixel at a time, in the same repaint.
     */
    private long columnAt(long millis) {
        long column = waveform.columnAt(millis);
        return column >= 0 ? column : (long) Math.floor(millis / sliderMillisPerPixel());
    }

    /** The first time shown in pixel column {@code column}: the inverse of {@link #columnAt}. */
    private long millisAtColumn(long column) {
        long millis = waveform.millisAtColumn(column);
        return millis >= 0 ? millis : (long) Math.ceil(column * sliderMillisPerPixel());
    }

    private double sliderMillisPerPixel() {
        return seek.getWidth() > 0 ? seek.getMax() / seek.getWidth() : 1;
    }

    private void showDuration(long millis) {
        followingPlayer = true;
        try {
            seek.setMax(Math.max(1, millis));
            seek.setDisable(millis <= 0);
        } finally {
            followingPlayer = false;
        }
        if (millis < 0) {
            total.clear();
        } else {
            total.showMillis(millis);
        }
    }

    private void showState(PlayerState s) {
        boolean playing = s == PlayerState.PLAYING;
        playPause.setGraphic(new Icon(playing ? Glyph.PAUSE : Glyph.PLAY));
        playPauseTip.set(playing ? "Pause (Space)" : "Play (Space)");
        pseudoClassStateChanged(PseudoClass.getPseudoClass("playing"), playing);
    }

    private static Button iconButton(Icon icon, String tip, String id) {
        Button b = new Button(null, icon);
        if (tip != null) LazyTip.on(b, tip);
        b.setId(id);
        b.getStyleClass().add("icon-button");
        b.setFocusTraversable(false);
        return b;
    }
}
