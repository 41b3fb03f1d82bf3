package dev.bufferdeck.format;

import dev.bufferdeck.repository.MediaFormat;

import dev.bufferdeck.repository.ByteSource;
import java.util.Set;

/** Reads the brands of an ISO base media file's {@code ftyp} box: M4A audio, MP4 video, or HEIF images. */
public final class IsoBrands {
    private static final Set<String> AUDIO = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ");
    private static final Set<String> IMAGE = Set.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1",
            "avif", "avis");
    /** Brands are read from at most this many bytes of the box, whatever its size claims. */
    private static final int MAX_BOX = 256;

    private IsoBrands() {}

    public static MediaFormat classify(ByteSource b, int at) {
        String major = brand(b, at + 8);
        if (major == null) return MediaFormat.MP4;
        if (AUDIO.contains(major)) return MediaFormat.M4A;
        if (IMAGE.contains(major)) return MediaFormat.HEIF;
        long boxSize = Bytes.be32(b, at);
        long end = Math.min(boxSize < 16 ? 16 : boxSize, MAX_BOX) + at;
        for (long p = at + 16; p + 4 <= end; p += 4) {
            String compatible = brand(b, (int) p);
            if (compatible == null) break;
            if (AUDIO.contains(compatible)) return MediaFormat.M4A;
        }
        return MediaFormat.MP4;
    }

    private static String brand(ByteSource b, int at) {
        return Bytes.fits(b, at, 4) ? Bytes.latin1(b, at, 4) : null;
    }
}
