package dev.bufferdeck.audio.decode.vorbis;

/** A Vorbis header this decoder cannot use: corrupt, or a feature it does not implement (floor type 0). */
public final class VorbisFormatException extends Exception {
    private final boolean unsupported;

    VorbisFormatException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    static VorbisFormatException corrupt(String what) {
        return new VorbisFormatException(what, false);
    }

    /** True when the header is valid Vorbis I but uses something this decoder does not implement. */
    public boolean unsupported() { return unsupported; }
}
