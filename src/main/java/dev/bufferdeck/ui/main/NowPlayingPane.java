package dev.bufferdeck.ui.main;

import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.library.LazyTip;
import dev.bufferdeck.ui.library.MediaFacts;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import dev.bufferdeck.audio.PlayerState;
import dev.bufferdeck.ui.cover.CoverArtView;
import dev.bufferdeck.ui.spectrum.SpectrumView;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;

/** Cover art, title, artist — album, and the format line of the buffer playing. */
public final class NowPlayingPane extends HBox {
    private static final double COVER = 88;
    private final PlayerController player;
    private final CoverArtView cover = new CoverArtView(COVER);
    private final SpectrumView spectrum;
    private final Label title = new Label();
    private final Label artist = new Label();
    private final Label format = new Label();
    private final Label replayGain = new Label();
    private final Label buffering = new Label("Buffering…");
    private final MenuButton record = new MenuButton("Record");
    private final VBox text = new VBox(2);
    private final MenuItem keepWindow = new MenuItem("Keep what the window holds now");
    /** "Record the next …": the minutes offered. */
    public static final List<Integer> RECORD_MINUTES = List.of(1, 5, 15, 30);
    private final ChangeListener<MediaFacts> factsChanged = (o, a, f) -> show(f);

    public NowPlayingPane(PlayerController player) {
        this.player = player;
        this.spectrum = new SpectrumView(player::tap, player.clock());
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("now-playing");
        cover.getStyleClass().add("cover");
        cover.setId("now-cover");
        spectrum.setId("now-spectrum");
        spectrum.setPrefSize(260, COVER);
        spectrum.setMinWidth(120);
        title.setId("now-title");
        title.getStyleClass().add("now-title");
        artist.setId("now-artist");
        artist.getStyleClass().add("now-artist");
        format.setId("now-format");
        format.getStyleClass().add("now-format");
        replayGain.setId("now-replaygain");
        replayGain.getStyleClass().add("now-format");
        replayGain.managedProperty().bind(replayGain.textProperty().isNotEmpty());
        buffering.setId("now-buffering");
        buffering.getStyleClass().add("now-buffering");
        LazyTip.on(buffering, "Waiting for bytes still downloading");
        record.setId("now-record");
        record.setGraphic(new Icon(Glyph.RECORD_REC));
        LazyTip.on(record, "Keep this live stream as an ordinary buffer in the library");
        keepWindow.setId("record-window");
        record.getItems().add(keepWindow);
        for (int minutes : RECORD_MINUTES) {
            MenuItem next = new MenuItem("Record the next " + minutes + " min");
            next.setId("record-next-" + minutes);
            next.setUserData(Duration.ofMinutes(minutes));
            record.getItems().add(next);
        }
        // the Record menu joins them later (placeRecordMenu): hidden, its skin and styles still cost the
        // window's first frame
        text.getChildren().addAll(title, artist, format, replayGain, buffering);
        text.setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(cover, text, gap, spectrum);
    }

    public SpectrumView spectrum() { return spectrum; }

    /** Shows the spectrum while {@code shown} is true; hidden, it takes no room and its feed stops. */
    public void showSpectrumWhile(ObservableValue<Boolean> shown) {
        spectrum.visibleProperty().bind(shown);
        spectrum.managedProperty().bind(spectrum.visibleProperty());
    }

    /** Shows the ReplayGain applied now ("RG −6.2 dB track") under the format line. */
    public void showReplayGain(ObservableValue<String> text) {
        replayGain.textProperty().bind(text);
    }
    public CoverArtView cover() { return cover; }
    public Label bufferingLabel() { return buffering; }
    /** Shown while a live stream plays: keep its window, or record the next minutes. */
    public MenuButton recordButton() { return record; }

    /** Puts the Record menu in the pane (hidden until a live stream plays), if not yet: by the warm-up, or when one first plays. */
    public void placeRecordMenu() {
        if (record.getParent() == null) text.getChildren().add(record);
    }

    /**
     * What the Record menu does with the live buffer playing: {@code window} keeps what it holds,
     * {@code next} records the chosen minutes from now.
     */
    public void onRecord(Consumer<MediaBuffer> window,
                         BiConsumer<MediaBuffer, Duration> next) {
        for (MenuItem item : record.getItems()) {
            item.setOnAction(e -> {
                BufferRow row = player.nowPlayingProperty().get();
                if (row == null || !row.buffer().isLive()) return;
                if (item == keepWindow) window.accept(row.buffer());
                else next.accept(row.buffer(), (Duration) item.getUserData());
            });
        }
    }

    private void init() {
        spectrum.activeProperty().bind(player.stateProperty().isEqualTo(PlayerState.PLAYING));
        buffering.visibleProperty().bind(player.bufferingProperty());
        buffering.managedProperty().bind(buffering.visibleProperty());
        record.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            BufferRow row = player.nowPlayingProperty().get();
            return row != null && row.buffer().isLive();
        }, player.nowPlayingProperty()));
        record.managedProperty().bind(record.visibleProperty());
        record.visibleProperty().addListener((o, was, shown) -> {
            if (shown) placeRecordMenu();
        });
        player.nowPlayingProperty().addListener((o, old, row) -> {
            if (old != null) old.factsProperty().removeListener(factsChanged);
            if (row != null) row.factsProperty().addListener(factsChanged);
            show(row == null ? null : row.facts());
        });
        show(null);
    }

    private void show(MediaFacts facts) {
        BufferRow row = player.nowPlayingProperty().get();
        if (facts == null || row == null) {
            title.setText("Nothing playing");
            artist.setText("Open files (Ctrl+O), a URL (Ctrl+L), or drop them here");
            format.setText("");
            cover.show((ByteBuffer) null);
            return;
        }
        title.setText(facts.title());
        String by = facts.artist().isEmpty() ? "" : facts.artist();
        if (!facts.album().isEmpty()) by = by.isEmpty() ? facts.album() : by + " — " + facts.album();
        artist.setText(by.isEmpty() ? row.buffer().origin().describe() : by);
        format.setText(facts.formatLine().isEmpty() ? row.buffer().detectedFormat().displayName() : facts.formatLine());
        cover.show(facts.cover());
    }
}
