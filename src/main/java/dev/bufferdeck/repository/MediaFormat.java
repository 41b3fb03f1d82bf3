package dev.bufferdeck.repository;

/** What a buffer's bytes turned out to be ({@code MediaBuffer.detectedFormat()}), with its name for people. */
public enum MediaFormat {
    WAV("WAV", Kind.AUDIO, Family.WAV, "audio/wav", "WAV audio"),
    RF64("WAV (RF64)", Kind.AUDIO, Family.WAV, "audio/wav", "RF64 WAV audio"),
    AIFF("AIFF", Kind.AUDIO, Family.AIFF, "audio/aiff", "AIFF audio"),
    AIFC("AIFF-C", Kind.AUDIO, Family.AIFF, "audio/aiff", "AIFF-C audio"),
    AU("AU", Kind.AUDIO, Family.AU, "audio/basic", "AU audio"),
    MP3("MP3", Kind.AUDIO, Family.MPEG, "audio/mpeg", "MP3 audio"),
    MPEG_LAYER_2("MPEG Layer II", Kind.AUDIO, Family.MPEG, "audio/mpeg", "MPEG Layer II audio"),
    MPEG_LAYER_1("MPEG Layer I", Kind.AUDIO, Family.MPEG, "audio/mpeg", "MPEG Layer I audio"),
    AAC_ADTS("AAC (ADTS)", Kind.AUDIO, Family.AAC, "audio/aac", "AAC audio"),
    OGG_VORBIS("Ogg Vorbis", Kind.AUDIO, Family.OGG, "audio/ogg", "Ogg Vorbis audio"),
    OGG_OPUS("Ogg Opus", Kind.AUDIO, Family.OGG, "audio/ogg", "Ogg Opus audio"),
    OGG_FLAC("Ogg FLAC", Kind.AUDIO, Family.OGG, "audio/ogg", "Ogg FLAC audio"),
    OGG_SPEEX("Ogg Speex", Kind.AUDIO, Family.OGG, "audio/ogg", "Ogg Speex audio"),
    OGG("Ogg", Kind.MEDIA_CONTAINER, Family.OGG, "application/ogg", "Ogg stream"),
    FLAC("FLAC", Kind.AUDIO, Family.FLAC, "audio/flac", "FLAC audio"),
    MIDI("MIDI", Kind.AUDIO, Family.MIDI, "audio/midi", "MIDI file"),
    M4A("M4A", Kind.AUDIO, Family.MP4, "audio/mp4", "M4A audio"),
    MP4("MP4 video", Kind.MEDIA_CONTAINER, Family.MP4, "video/mp4", "MP4 video"),
    MATROSKA("Matroska", Kind.MEDIA_CONTAINER, Family.MATROSKA, "video/x-matroska", "Matroska file"),
    WEBM("WebM", Kind.MEDIA_CONTAINER, Family.MATROSKA, "video/webm", "WebM file"),

    HTML("HTML", Kind.OTHER, Family.NONE, "text/html", "HTML document"),
    JSON("JSON", Kind.OTHER, Family.NONE, "application/json", "JSON document"),
    XML("XML", Kind.OTHER, Family.NONE, "application/xml", "XML document"),
    TEXT("Plain text", Kind.OTHER, Family.NONE, "text/plain", "plain text"),
    PNG("PNG", Kind.OTHER, Family.NONE, "image/png", "PNG image"),
    JPEG("JPEG", Kind.OTHER, Family.NONE, "image/jpeg", "JPEG image"),
    GIF("GIF", Kind.OTHER, Family.NONE, "image/gif", "GIF image"),
    HEIF("HEIF image", Kind.OTHER, Family.NONE, "image/heif", "HEIF image"),
    PDF("PDF", Kind.OTHER, Family.NONE, "application/pdf", "PDF document"),
    ZIP("ZIP", Kind.OTHER, Family.NONE, "application/zip", "ZIP archive"),
    EMPTY("Empty", Kind.OTHER, Family.NONE, "application/octet-stream", "empty file"),

    UNKNOWN("Unknown", Kind.UNKNOWN, Family.NONE, "application/octet-stream", "unknown data");

    /** How a format relates to playback. */
    public enum Kind {
        /** An audio format. */
        AUDIO,
        /** A container that may hold audio, video or both. */
        MEDIA_CONTAINER,
        /** Not media: documents, images, archives, text, nothing. */
        OTHER,
        UNKNOWN
    }

    /** Formats a single name or Content-Type can stand for, e.g. ".ogg" covers Vorbis, Opus and FLAC in Ogg. */
    public enum Family { WAV, AIFF, AU, MPEG, AAC, OGG, FLAC, MIDI, MP4, MATROSKA, NONE }

    private final String displayName;
    private final Kind kind;
    private final Family family;
    private final String mimeType;
    private final String noun;

    MediaFormat(String displayName, Kind kind, Family family, String mimeType, String noun) {
        this.displayName = displayName;
        this.kind = kind;
        this.family = family;
        this.mimeType = mimeType;
        this.noun = noun;
    }

    /** Short name for people, e.g. "MP3", "Ogg Vorbis", "HTML". */
    public String displayName() { return displayName; }
    public Kind kind() { return kind; }
    public Family family() { return family; }
    public String mimeType() { return mimeType; }
    /** The format as a noun for sentences, e.g. "HTML document", "FLAC audio". */
    public String noun() { return noun; }

    public boolean isAudio() { return kind == Kind.AUDIO; }

    /** Audio, or a container that may carry audio. */
    public boolean isMedia() { return kind == Kind.AUDIO || kind == Kind.MEDIA_CONTAINER; }

}
