package dev.bufferdeck.audio.decode;

import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.aac.DecoderConfig;
import net.sourceforge.jaad.aac.EOSException;
import net.sourceforge.jaad.aac.syntax.SyntacticElements;
import net.sourceforge.jaad.mp4.MP4Exception;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One AAC decoder instance of JAAD (com.tianscar.javasound:javasound-aac), fed raw access units.
 *
 * <p>JAAD keeps one piece of mutable static state: the random generator of perceptual noise
 * substitution ({@code ICStream.randomState}), advanced by every decoder in the process. Two
 * decoders on two threads would race on it and each would hear noise that depends on the other.
 * So every frame is decoded under one lock, with this decoder's own generator state swapped in
 * and out: each decode is then exactly what it would be alone (see {@code AacConcurrencyTest}).
 */
final class AacCodec {
    private static final Object JAAD = new Object();
    private static final Field RANDOM_STATE = randomStateField();
    private static final int INITIAL_RANDOM_STATE = 0x1F2E3D4C;
    /** Held so that the levels set here stay (the JDK keeps loggers only weakly). */
    private static final List<Logger> LOGGERS = new ArrayList<>();

    /**
     * JAAD's classes set their own loggers' levels when they load, some to FINEST (which makes every
     * frame format log messages nobody sees, and decodes several times slower) and some to WARNING
     * (corrupt frames on stderr; we report them ourselves). Load them first, then silence them all.
     */
    static {
        ClassLoader loader = Decoder.class.getClassLoader();
        for (String c : List.of("aac.Decoder", "aac.syntax.ICStream", "aac.syntax.CPE", "aac.syntax.SCE", "aac.syntax.PCE",
                "aac.syntax.SyntacticElements", "aac.syntax.ICSInfo", "aac.syntax.ByteArrayBitStream", "aac.tools.TNS",
                "aac.tools.ICPrediction", "aac.tools.LTPrediction", "aac.sbr.SBR")) {
            try {
                Class.forName("net.sourceforge.jaad." + c, true, loader);
            } catch (ClassNotFoundException e) {
                // another JAAD build; its loggers keep their levels
            }
        }
        for (String name : List.of("jaad.aac.Decoder", "jaad.aac.syntax.ICStream", "jaad.aac.syntax.CPE", "jaad.SCE",
                "jaad.aac.syntax.PCE", "jaad.SyntacticElements", "jaad.aac.syntax.ICSInfo", "jaad.aac.syntax.BitStream",
                "jaad.aac.syntax.TNS", "jaad.aac.tools.ICPrediction", "jaad.aac.syntax.LTPrediction", "jaad.aac.sbr.SBR")) {
            LOGGERS.add(Logger.getLogger(name));
        }
        LOGGERS.forEach(l -> l.setLevel(Level.OFF));
    }

    private final byte[] config;
    private Decoder decoder;
    private SyntacticElements elements;
    private int randomState = INITIAL_RANDOM_STATE;
    private final Output output = new Output();

    /** The decoded frame: interleaved 16-bit samples. */
    static final class Output implements net.sourceforge.jaad.aac.Receiver {
        short[] samples = new short[2048 * 2];
        int frames;
        int channels;
        int sampleRate;

        @Override
        public void accept(List<float[]> planes, int length, int rate) {
            // JAAD expects parametric stereo in every mono stream and hands mono out twice, as the same array
            if (planes.size() == 2 && planes.get(0) == planes.get(1)) planes = planes.subList(0, 1);
            channels = planes.size();
            frames = length;
            sampleRate = rate;
            if (samples.length < length * channels) samples = new short[length * channels];
            for (int c = 0; c < channels; c++) {
                float[] plane = planes.get(c);
                if (plane.length == length) {
                    for (int i = 0, o = c; i < length; i++, o += channels) samples[o] = clip(plane[i]);
                } else {
                    for (int i = 0, o = c; i < length; i++, o += channels) samples[o] = clip(plane[(int) ((long) plane.length * i / length)]);
                }
            }
        }

        private static short clip(float s) {
            int v = Math.round(s);
            return (short) (v > 32767 ? 32767 : Math.max(v, -32768));
        }
    }

    AacCodec(byte[] audioSpecificConfig) throws IOException {
        this.config = audioSpecificConfig.clone();
        reset();
    }

    /** Forgets everything decoded so far (after a seek). */
    void reset() throws IOException {
        try {
            synchronized (JAAD) {
                decoder = Decoder.create(config);
            }
            AacChannelStreams.shapeTemporalNoise(decoder);
            elements = AacChannelStreams.elementsOf(decoder);
        } catch (MP4Exception | RuntimeException e) {
            throw new IOException("the AAC decoder configuration is not supported (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decodes one whole access unit (JAAD reads the whole array); the result is valid until the next
     * call. It does what JAAD's {@code Decoder.decodeFrame} does, over {@link AacEscapeBits}: parse
     * the elements, process them, hand the PCM out (a frame that ends early gives no PCM).
     */
    Output decode(byte[] frame) throws IOException {
        output.frames = 0;
        try {
            synchronized (JAAD) {
                setRandomState(randomState);
                try {
                    elements.startNewFrame();
                    elements.decode(new AacEscapeBits(frame));
                    DecoderConfig config = decoder.getConfig();
                    output.accept(elements.process(), config.getSampleLength(), config.getOutputFrequency().getFrequency());
                } catch (EOSException e) {
                    output.frames = 0;
                } finally {
                    randomState = getRandomState();
                }
            }
        } catch (RuntimeException e) { // JAAD's AACException and its array bounds on corrupt bits
            throw new IOException("an AAC frame is corrupt (" + e.getMessage() + ")", e);
        }
        return output;
    }

    private static Field randomStateField() {
        try {
            Field f = Class.forName("net.sourceforge.jaad.aac.syntax.ICStream").getDeclaredField("randomState");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another JAAD build: decodes stay serialised, the noise is then shared
        }
    }

    private static void setRandomState(int state) {
        if (RANDOM_STATE == null) return;
        try {
            RANDOM_STATE.setInt(null, state);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int getRandomState() {
        if (RANDOM_STATE == null) return INITIAL_RANDOM_STATE;
        try {
            return RANDOM_STATE.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
