package dev.bufferdeck.ui.video;

import dev.bufferdeck.repository.MediaBuffer;
import javafx.scene.media.MediaException;

/** What to tell people when JavaFX Media cannot play a video. */
final class VideoMessages {
    static final String INSTALL_LIBAVCODEC = "JavaFX Media decodes H.264/H.265 and AAC with the system's libavcodec: "
            + "install libavcodec59 (Debian 12) or libavcodec60 (Ubuntu 24.04), e.g. sudo apt install libavcodec59. "
            + "Audio files play without it.";

    /** GStreamer's ALSA sink: JavaFX Media plays a video's sound itself, not through our output. */
    static final String NO_AUDIO_DEVICE = "JavaFX Media found no sound device to play the video's sound on "
            + "(it does not use BufferDeck's output or memory sink), so the video cannot play here. "
            + "Audio files still play.";

    private VideoMessages() {}

    static String cannotPlay(MediaBuffer buffer, Throwable error) {
        if (error instanceof MediaException e && missingCodecs(e)) {
            return buffer.name() + ": the video player could not start. " + INSTALL_LIBAVCODEC;
        }
        if (error != null && String.valueOf(error.getMessage()).contains("Could not open audio device")) {
            return buffer.name() + ": " + NO_AUDIO_DEVICE;
        }
        String detail = error == null ? "unknown error" : error.getMessage();
        if (error instanceof MediaException e) detail = e.getType() + (detail == null ? "" : ": " + detail);
        return buffer.name() + ": JavaFX Media cannot play it (" + detail + ").";
    }

    /**
     * Without a libavcodec it can load, OpenJFX fails to build the pipeline ("Could not create
     * player") or reports the stream as unsupported.
     */
    static boolean missingCodecs(MediaException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Could not create player") || e.getType() == MediaException.Type.MEDIA_UNSUPPORTED
                || m.contains("ERROR_MEDIA_INVALID") || m.contains("ERROR_MEDIA_AUDIO_FORMAT_UNSUPPORTED")
                || m.contains("ERROR_MEDIA_VIDEO_FORMAT_UNSUPPORTED");
    }
}
