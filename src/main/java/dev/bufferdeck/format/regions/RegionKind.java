package dev.bufferdeck.format.regions;

/** What a region is, in the few categories the hex view colours differently. */
public enum RegionKind {
    /** A file header or container box that holds other regions. */
    CONTAINER,
    /** A structure header: a chunk header, a page header, a frame header. */
    HEADER,
    /** A tag block (ID3v2, ID3v1, Vorbis comment, metadata block). */
    TAG,
    /** One field inside a tag (TIT2, a Vorbis comment). */
    TAG_FIELD,
    /** Embedded cover art. */
    PICTURE,
    /** An encoder info header (Xing/Info/LAME, VBRI) or stream info (fmt, COMM, STREAMINFO). */
    STREAM_INFO,
    /** Compressed audio: an MPEG frame, an Ogg packet, a FLAC frame. */
    AUDIO_FRAME,
    /** Uncompressed samples (a WAV data chunk). */
    AUDIO_DATA,
    /** Padding or bytes nothing claims. */
    PADDING,
    /** ByteReader that belong to nothing we understand. */
    UNKNOWN
}
