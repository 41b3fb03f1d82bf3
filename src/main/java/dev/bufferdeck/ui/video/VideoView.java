package dev.bufferdeck.ui.video;

import javafx.beans.property.ObjectProperty;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.scene.layout.Region;

/** A MediaView that fills the region it is given, keeping the picture's aspect ratio, centred. */
final class VideoView extends Region {
    private final MediaView view = new MediaView();

    VideoView() {
        getStyleClass().add("video-view");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setManaged(false);
        getChildren().add(view);
        setMinSize(0, 0);
        // the picture's size is known once the player is ready
        view.mediaPlayerProperty().addListener((o, a, p) -> {
            if (p != null) p.statusProperty().addListener((so, was, now) -> requestLayout());
            requestLayout();
        });
    }

    MediaView mediaView() { return view; }

    ObjectProperty<MediaPlayer> playerProperty() { return view.mediaPlayerProperty(); }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        MediaPlayer p = view.getMediaPlayer();
        int mw = p == null ? 0 : p.getMedia().getWidth(), mh = p == null ? 0 : p.getMedia().getHeight();
        double scale = mw > 0 && mh > 0 ? Math.min(w / mw, h / mh) : 0;
        view.relocate((w - mw * scale) / 2, (h - mh * scale) / 2);
    }
}
