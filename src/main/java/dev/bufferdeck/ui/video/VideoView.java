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
    }

    MediaView mediaView() { return view; }

    ObjectProperty<MediaPlayer> playerProperty() { return view.mediaPlayerProperty(); }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        var bounds = view.getLayoutBounds();
        view.relocate((w - bounds.getWidth()) / 2, (h - bounds.getHeight()) / 2);
    }
}
