package dev.bufferdeck.ui.video;

import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.ui.notify.Notifier;
import dev.bufferdeck.ui.thread.Background;
import dev.bufferdeck.ui.playback.Playback;
import dev.bufferdeck.video.VideoProbe;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.media.MediaPlayer;

import java.util.function.Consumer;
import javafx.scene.media.MediaView;

/**
 * The now-playing area: the audio now-playing pane, or — while an entry with video plays — its
 * picture, keeping the aspect ratio, with the engine named. F or a double-click goes full screen
 * (F, Esc or a double-click come back); Ctrl+S saves the frame to the library, Ctrl+Shift+C copies
 * it.
 */
public final class VideoArea extends StackPane {
    public static final KeyCombination SAVE_FRAME = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination COPY_FRAME = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final double VIDEO_HEIGHT = 300;

    private final Node nowPlaying;
    private final RoutingPlayback routing;
    private final VideoPlayback video;
    private final Consumer<Scene> installShortcuts;
    private final FrameGrab frames;
    private final VideoView view = new VideoView();
    private final Label engine = new Label();
    private final StackPane picture = new StackPane();
    private FullScreenVideo fullScreen;

    /**
     * The area to put where {@code nowPlaying} was: itself when the app has no video engine.
     * @param installShortcuts puts the window's transport keys on the full-screen scene
     */
    public static Node around(Node nowPlaying, Playback playback, MediaRepository repository, Notifier notifier,
                              Consumer<Scene> installShortcuts) {
        if (!(playback instanceof RoutingPlayback routing)) return nowPlaying;
        return new VideoArea(nowPlaying, routing, new FrameGrab(repository, notifier,
                Background.newPool("bufferdeck-frame", 1)), installShortcuts);
    }

    private VideoArea(Node nowPlaying, RoutingPlayback routing, FrameGrab frames, Consumer<Scene> installShortcuts) {
        this.nowPlaying = nowPlaying;
        this.routing = routing;
        this.video = routing.video();
        this.frames = frames;
        this.installShortcuts = installShortcuts;
        createView();
        init();
    }

    private void createView() {
        setId("now-playing-area");
        picture.setId("video-pane");
        picture.getStyleClass().add("video-pane");
        picture.setStyle("-fx-background-color: black;");
        picture.setPrefHeight(VIDEO_HEIGHT);
        picture.setMinHeight(120);
        engine.setId("video-engine");
        engine.setStyle("-fx-text-fill: #ddd; -fx-background-color: rgba(0,0,0,0.55); -fx-padding: 2 6 2 6;");
        StackPane.setAlignment(engine, Pos.TOP_LEFT);
        view.setId("video-view");
        picture.getChildren().addAll(view, engine);
        MenuItem save = new MenuItem("Save frame to the library");
        save.setAccelerator(SAVE_FRAME);
        save.setOnAction(e -> saveFrame());
        MenuItem copy = new MenuItem("Copy frame");
        copy.setAccelerator(COPY_FRAME);
        copy.setOnAction(e -> copyFrame());
        MenuItem full = new MenuItem("Full screen (F)");
        full.setOnAction(e -> enterFullScreen());
        ContextMenu menu = new ContextMenu(save, copy, full);
        picture.setOnContextMenuRequested(e -> menu.show(picture, e.getScreenX(), e.getScreenY()));
        // the picture joins when a video first plays (show): hidden, its styles still cost the window's first frame
        getChildren().add(nowPlaying);
        show(null);
    }

    private void init() {
        view.playerProperty().bind(video.playerProperty());
        video.playerProperty().addListener((o, a, p) -> show(p));
        picture.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) enterFullScreen();
        });
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        });
    }

    /** The MediaView showing the picture in the window. */
    public MediaView mediaView() { return view.mediaView(); }

    public boolean isFullScreen() { return fullScreen != null && fullScreen.isShowing(); }

    private void show(MediaPlayer p) {
        boolean showing = p != null;
        if (showing && picture.getParent() == null) getChildren().add(picture);
        picture.setVisible(showing);
        picture.setManaged(showing);
        nowPlaying.setVisible(!showing);
        nowPlaying.setManaged(!showing);
        if (!showing) {
            if (fullScreen != null) fullScreen.close();
            return;
        }
        engine.setText(caption(p));
        p.statusProperty().addListener((o, a, status) -> engine.setText(caption(p)));
    }

    private String caption(MediaPlayer p) {
        StringBuilder s = new StringBuilder();
        if (video.buffer() != null) {
            VideoProbe probe = routing.probe(video.buffer());
            if (!probe.videoCodec().isEmpty()) s.append(probe.videoCodec()).append(" · ");
        }
        int w = p.getMedia().getWidth(), h = p.getMedia().getHeight();
        if (w > 0 && h > 0) s.append(w).append('×').append(h).append(" · ");
        return s.append(VideoPlayback.ENGINE_NAME).toString();
    }

    private void onKey(KeyEvent e) {
        if (!picture.isVisible() || e.getTarget() instanceof TextInputControl) return;
        // the full-screen stage handles these itself; here for when the window manager leaves focus on the main window
        if (isFullScreen() && (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F)) fullScreen.close();
        else if (SAVE_FRAME.match(e)) saveFrame();
        else if (COPY_FRAME.match(e)) copyFrame();
        else if (e.getCode() == KeyCode.F && !e.isShortcutDown() && !e.isAltDown()) enterFullScreen();
        else return;
        e.consume();
    }

    private void enterFullScreen() {
        MediaPlayer p = video.playerProperty().get();
        if (p == null || isFullScreen()) return;
        fullScreen = new FullScreenVideo(getScene().getWindow(), p, installShortcuts);
        fullScreen.show();
    }

    private void saveFrame() {
        if (video.buffer() != null) frames.toLibrary(view.mediaView(), video.buffer(), video.positionMillis());
    }

    private void copyFrame() { frames.toClipboard(view.mediaView()); }
}
