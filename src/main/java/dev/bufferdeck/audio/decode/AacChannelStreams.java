package dev.bufferdeck.audio.decode;

import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.aac.syntax.Element;
import net.sourceforge.jaad.aac.syntax.ICStream;
import net.sourceforge.jaad.aac.syntax.SyntacticElements;
import net.sourceforge.jaad.aac.tools.TNS;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.function.Function;

/**
 * Puts our {@link AacTemporalNoiseShaping} into every channel stream of a JAAD decoder. JAAD
 * creates its syntactic elements (each with one or two {@link ICStream}s) on first sight in the
 * bitstream, in a private map, and gives each stream a TNS only when it first meets TNS data
 * ({@code if (tns == null) tns = new TNS()}). So the decoder's map is replaced by one that fills
 * the {@code tns} field of each new element's streams as the element is created, before any
 * of its bits are read. These are private fields of javasound-aac 0.9.8 (pinned in the pom);
 * another build without them fails here, loudly, rather than decoding without TNS.
 */
final class AacChannelStreams {
    private static final Field ELEMENTS_OF_DECODER = field(Decoder.class, "syntacticElements");
    private static final Field ELEMENTS_BY_TAG = field(SyntacticElements.class, "elements");
    private static final Field TNS_OF_STREAM = field(ICStream.class, "tns");

    private AacChannelStreams() {}

    static void shapeTemporalNoise(Decoder decoder) {
        try {
            ELEMENTS_BY_TAG.set(elementsOf(decoder), new ElementsWithOurTns());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoder's syntactic elements: what parses a frame's bits and turns them into PCM. */
    static SyntacticElements elementsOf(Decoder decoder) {
        try {
            return (SyntacticElements) ELEMENTS_OF_DECODER.get(decoder);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JAAD's element map: it only ever calls {@code computeIfAbsent}. */
    private static final class ElementsWithOurTns extends HashMap<Element.InstanceTag, Element> {
        @Override
        public Element computeIfAbsent(Element.InstanceTag tag, Function<? super Element.InstanceTag, ? extends Element> create) {
            Element element = get(tag);
            if (element == null) {
                element = create.apply(tag);
                giveStreamsOurTns(element);
                put(tag, element);
            }
            return element;
        }
    }

    /** SCE and LFE hold one stream, CPE two, CCE one: every {@link ICStream} field of the element. */
    private static void giveStreamsOurTns(Element element) {
        try {
            for (Class<?> c = element.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getType() != ICStream.class || Modifier.isStatic(f.getModifiers())) continue;
                    f.setAccessible(true);
                    TNS_OF_STREAM.set(f.get(element), new AacTemporalNoiseShaping());
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("JAAD's channel streams are not where javasound-aac 0.9.8 keeps them", e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("javasound-aac is not the pinned 0.9.8: " + owner.getName() + "." + name + " is missing", e);
        }
    }
}
