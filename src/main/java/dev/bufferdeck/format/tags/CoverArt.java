package dev.bufferdeck.format.tags;

import dev.bufferdeck.repository.ByteSource;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * An embedded picture. Its bytes are a read-only view: of the media buffer itself when the picture
 * is stored there as-is ({@link #bufferOffset()} ≥ 0), or of a decoded copy when the tag stored it
 * transformed (base64 in Vorbis comments, ID3 unsynchronisation).
 *
 * @param mimeType e.g. "image/jpeg"; guessed from the bytes when the tag did not say
 * @param pictureType the ID3/FLAC picture type, 3 = front cover
 * @param bufferOffset where the bytes start in the media buffer, or -1 for a decoded copy
 */
public record CoverArt(String mimeType, int pictureType, String description, ByteBuffer data, int bufferOffset) {
    public static final int FRONT_COVER = 3;

    public CoverArt {
        data = data.asReadOnlyBuffer();
    }

    /** A fresh read-only view of the picture's bytes, positioned at 0. */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    public int size() {
        return data.remaining();
    }

    public boolean inBuffer() {
        return bufferOffset >= 0;
    }

    /** The MIME type a picture's magic bytes say, or "" when they say nothing known. */
    static String sniffMime(ByteSource bytes, int at) {
        if (at + 3 <= bytes.limit() && (bytes.get(at) & 0xFF) == 0xFF && (bytes.get(at + 1) & 0xFF) == 0xD8
                && (bytes.get(at + 2) & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (at + 4 <= bytes.limit() && (bytes.get(at) & 0xFF) == 0x89 && bytes.get(at + 1) == 'P'
                && bytes.get(at + 2) == 'N' && bytes.get(at + 3) == 'G') {
            return "image/png";
        }
        if (at + 3 <= bytes.limit() && bytes.get(at) == 'G' && bytes.get(at + 1) == 'I' && bytes.get(at + 2) == 'F') {
            return "image/gif";
        }
        return "";
    }

    /** "image/jpg", "JPG", "jpeg" and friends as a proper MIME type; sniffed from the bytes when empty. */
    static String normalizeMime(String declared, ByteSource bytes, int at) {
        String m = declared.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "jpg", "jpeg", "image/jpg", "image/pjpeg" -> { return "image/jpeg"; }
            case "png" -> { return "image/png"; }
            case "gif" -> { return "image/gif"; }
            case "bmp" -> { return "image/bmp"; }
            default -> { }
        }
        if (m.isEmpty() || !m.contains("/")) {
            String sniffed = sniffMime(bytes, at);
            return sniffed.isEmpty() ? (m.isEmpty() ? "application/octet-stream" : "image/" + m) : sniffed;
        }
        return m;
    }
}
