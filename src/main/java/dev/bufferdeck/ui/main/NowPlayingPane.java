package dev.bufferdeck.ui.main;

import dev.bufferdeck.ui.library.BufferRow;
import dev.bufferdeck.ui.services.MediaFacts;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;


/** Cover art, title, artist — album, and the format line of the buffer playing. */
public final class NowPlayingPane extends HBox {
    private static final double COVER = 88;
    private final PlayerController player;
    private final ImageView cover = new ImageView();
    private final FontIcon placeholder = new FontIcon(MaterialDesignM.MUSIC_NOTE);
    private final Label title = new Label();
    private final Label artist = new Label();
    private final Label format = new Label();
    private final ChangeListener<MediaFacts> factsChanged = (o, a, f) -> show(f);

    public NowPlayingPane(PlayerController player) {
        this.player = player;
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add("now-playing");
        cover.setFitWidth(COVER);
        cover.setFitHeight(COVER);
        cover.setPreserveRatio(true);
        cover.setSmooth(true);
        Rectangle clip = new Rectangle(COVER, COVER);
        clip.setArcWidth(10);
        clip.setArcHeight(10);
        cover.setClip(clip);
        placeholder.getStyleClass().add("cover-placeholder");
        StackPane art = new StackPane(placeholder, cover);
        art.getStyleClass().add("cover");
        art.setMinSize(COVER, COVER);
        art.setMaxSize(COVER, COVER);
        title.setId("now-title");
        title.getStyleClass().add("now-title");
        artist.setId("now-artist");
        artist.getStyleClass().add("now-artist");
        format.setId("now-format");
        format.getStyleClass().add("now-format");
        VBox text = new VBox(2, title, artist, format);
        text.setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(art, text);
    }

    private void init() {
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
            cover.setImage(null);
            placeholder.setVisible(true);
            return;
        }
        title.setText(facts.title());
        String by = facts.artist().isEmpty() ? "" : facts.artist();
        if (!facts.album().isEmpty()) by = by.isEmpty() ? facts.album() : by + " — " + facts.album();
        artist.setText(by.isEmpty() ? row.buffer().origin().describe() : by);
        format.setText(facts.formatLine().isEmpty() ? row.buffer().detectedFormat() : facts.formatLine());
        Image image = facts.cover() == null ? null : new Image(facts.coverStream());
        cover.setImage(image != null && !image.isError() ? image : null);
        placeholder.setVisible(cover.getImage() == null);
    }
}
