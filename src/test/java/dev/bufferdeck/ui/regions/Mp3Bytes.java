package dev.bufferdeck.ui.regions;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionParser;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/** MP3 test data made from the checked-in regions fixture tone.mp3. */
public final class Mp3Bytes {
    public static final String TONE = "/dev/bufferdeck/format/regions/tone.mp3";

    private Mp3Bytes() {}

    public static byte[] tone() {
        try (InputStream in = Objects.requireNonNull(Mp3Bytes.class.getResourceAsStream(TONE), TONE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of tone.mp3's first audio frame (after its Info frame). */
    public static byte[] oneFrame() {
        byte[] tone = tone();
        RegionTree tree = RegionParser.parse(ByteSource.of(tone));
        Region mpeg = tree.roots().stream().filter(r -> r.name().equals("MPEG audio")).findFirst().orElseThrow();
        Region frame = mpeg.children().stream().filter(r -> r.name().equals("frame 0")).findFirst().orElseThrow();
        byte[] out = new byte[(int) frame.length()];
        System.arraycopy(tone, (int) frame.offset(), out, 0, out.length);
        return out;
    }

    /** {@code count} copies of one frame, back to back: an MP3 with no tag and {@code count} frames. */
    public static byte[] frames(int count) {
        byte[] frame = oneFrame();
        byte[] out = new byte[frame.length * count];
        for (int i = 0; i < count; i++) System.arraycopy(frame, 0, out, i * frame.length, frame.length);
        return out;
    }

    public static MediaBuffer buffer(byte[] bytes, String name) {
        return buffer(bytes, name, "");
    }

    public static MediaBuffer buffer(byte[] bytes, String name, String declaredType) {
        try {
            return new MediaRepository(new FormatSniffer()).add(bytes, name, new Origin.BuiltIn("test"), declaredType).buffer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
