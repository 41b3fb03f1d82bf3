package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;
import dev.bufferdeck.audio.decode.vorbis.VorbisIdentification;
import dev.bufferdeck.audio.decode.vorbis.VorbisSetup;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is built from a Vorbis stream's headers, kept per immutable buffer (its SHA-256 and the
 * link's first page) for the next decoder of the same bytes: our {@link VorbisSetup} (codebooks,
 * Huffman tables, MDCT and window tables, read-only, so shared as it is), or for a stream JOrbis
 * decodes its parsed headers and a synthesis state whose tables a restart copies instead of
 * rebuilding (they are most of the time to the first sound). At most {@link #CAPACITY} streams,
 * least recently used first out.
 *
 * <p>Sharing JOrbis' tables is safe because decoding only reads them, and the JOrbis parts with scratch
 * arrays ({@code Mdct.backward}, {@code CodeBook.decodevs_add}, residue decoding) are synchronized.
 * Floor type 0 keeps scratch state unsynchronized, so streams that use it are never shared.
 */
final class VorbisSetups {
    static final int CAPACITY = 16;

    /**
     * The identification header, our decoder's setup (null when JOrbis decodes this stream), or
     * JOrbis' parsed headers and its prototype synthesis state (null: not shareable), the title and
     * the first audio page.
     */
    record Setup(VorbisIdentification id, VorbisSetup setup, Info info, DspState prototype, String title, int firstAudioPage) {}

    private static final Map<String, Setup> CACHE = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Setup> eldest) { return size() > CAPACITY; }
    };
    private static final List<Field> FIELDS = dspFields();
    private static final Field PCM = field(DspState.class, "pcm");
    private static final Field FLOOR_TYPE = field(Info.class, "floor_type");
    private static final Field FLOORS = field(Info.class, "floors");

    private VorbisSetups() {}

    static synchronized Setup get(String key) {
        return key == null ? null : CACHE.get(key);
    }

    static synchronized void put(String key, Setup setup) {
        if (key != null) CACHE.put(key, setup);
    }

    static synchronized int size() {
        return CACHE.size();
    }

    static synchronized void clear() {
        CACHE.clear();
    }

    /** A fresh synthesis state of {@code info}, from scratch: what {@link #copy} saves. */
    static DspState fresh(Info info) {
        DspState dsp = new DspState();
        dsp.synthesis_init(info);
        return dsp;
    }

    /** True when copies of a prototype of this stream may decode on several threads at once. */
    static boolean shareable(Info info) {
        if (FIELDS == null || PCM == null || FLOOR_TYPE == null || FLOORS == null) return false;
        try {
            int[] types = (int[]) FLOOR_TYPE.get(info);
            for (int i = 0; i < FLOORS.getInt(info); i++) if (types[i] == 0) return false;
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A synthesis state as {@code prototype} was right after {@code synthesis_init}, sharing its
     * read-only tables, with PCM storage of its own. Null when this JOrbis build's fields differ.
     */
    static DspState copy(DspState prototype) {
        if (FIELDS == null || PCM == null) return null;
        try {
            DspState dsp = new DspState();
            for (Field f : FIELDS) f.set(dsp, f.get(prototype));
            float[][] shape = (float[][]) PCM.get(prototype);
            float[][] own = new float[shape.length][];
            for (int c = 0; c < shape.length; c++) own[c] = new float[shape[c].length];
            PCM.set(dsp, own);
            return dsp;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static List<Field> dspFields() {
        try {
            List<Field> fields = new ArrayList<>();
            for (Field f : DspState.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                f.setAccessible(true);
                fields.add(f);
            }
            return fields;
        } catch (RuntimeException e) {
            return null; // fields not accessible: every restart builds its tables again
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
