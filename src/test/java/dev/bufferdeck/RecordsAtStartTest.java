package dev.bufferdeck;

import dev.bufferdeck.repository.MemoryFigures;
import dev.bufferdeck.session.PaneDividers;
import dev.bufferdeck.session.Session;
import dev.bufferdeck.session.SoundChoices;
import dev.bufferdeck.session.WindowBounds;
import dev.bufferdeck.ui.library.MediaFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The records compared while the window starts (the session read, the properties the window
 * listens to) have their equals and hashCode written out. A record's generated ones are bootstrapped
 * by invokedynamic (ObjectMethods) at their first call, which spins method-handle classes at every
 * start that the class-data archive cannot keep, as string concatenation did (-XDstringConcat=inline,
 * pom.xml): in the java -jar window's JVM these six cost about 100 ms of CPU before the window was
 * filled (JFR jdk.ClassLoad: 100 of its 200 LambdaForm classes came from these records' equals).
 * This checks that the written-out ones are what the generated ones were: equal when every
 * component is, unequal when any one differs, equal hash codes for equal records.
 */
class RecordsAtStartTest {
    @ParameterizedTest
    @ValueSource(classes = {Session.class, WindowBounds.class, PaneDividers.class, SoundChoices.class, MediaFacts.class,
            MemoryFigures.class})
    void equalsAndHashCodeLookAtEveryComponent(Class<? extends Record> type) throws Exception {
        Record one = sample(type, -1);
        Record same = sample(type, -1);
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, null);
        assertNotEquals(one, new Object());
        for (int i = 0; i < type.getRecordComponents().length; i++) {
            Record other = sample(type, i);
            assertNotEquals(one, other, type.getSimpleName() + " with another " + type.getRecordComponents()[i].getName());
            assertNotEquals(other, one);
        }
    }

    /** The record from its canonical constructor, all components the first sample but {@code differing}. */
    private static Record sample(Class<? extends Record> type, int differing) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) values[i] = value(types[i], i == differing);
        Constructor<? extends Record> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    /** Values that each record accepts as they are (a playlist of one, so that index 0 stays; fractions). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, boolean other) throws Exception {
        if (type == String.class) return other ? "b" : "a";
        if (type == int.class) return other ? -1 : 0;
        if (type == long.class) return other ? 2L : 1L;
        if (type == double.class) return other ? 0.5 : 0.25;
        if (type == boolean.class || type == Boolean.class) return other;
        if (type == List.class) return List.of(other ? "b" : "a");
        if (type == Map.class) return Map.of("preset", other ? "b" : "a");
        if (type == ByteBuffer.class) return ByteBuffer.wrap(new byte[] {(byte) (other ? 2 : 1)});
        if (type.isEnum()) return type.getEnumConstants()[other ? 1 : 0];
        if (type.isRecord()) return sample((Class<? extends Record>) type, other ? 0 : -1);
        throw new AssertionError("no sample for " + type);
    }
}
