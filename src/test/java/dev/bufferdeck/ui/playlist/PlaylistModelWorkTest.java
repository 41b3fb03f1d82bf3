package dev.bufferdeck.ui.playlist;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.library.BufferRow;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The work of one playlist edit grows with what it changes, not with the length of the list: 200
 * appends, inserts and fills in a list of 20,000 entries allocate about what they allocate in a list
 * of 200. Counted in bytes the thread allocated (exact, unlike a clock on a shared machine): the
 * model that diffed the whole list per change allocated maps of every entry for each edit, over
 * 1 MB per edit at 20,000 entries.
 */
class PlaylistModelWorkTest {
    private static final int EDITS = 200;
    private final MediaRepository repository = new MediaRepository(FormatDetector.NONE);
    private final List<BufferRow> buffers = IntStream.range(0, EDITS)
            .mapToObj(i -> new BufferRow(add(new byte[] {(byte) i, (byte) (i >> 8), 1}, "t" + i + ".wav")))
            .toList();

    private dev.bufferdeck.repository.MediaBuffer add(byte[] bytes, String name) {
        try {
            return repository.add(bytes, name, new Origin.BuiltIn(name), "wav").buffer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEditAllocatesTheSameInALongListAsInAShortOne() {
        edits(EDITS); // warms the code paths: what is measured below is the steady state
        long shortList = edits(EDITS);
        long longList = edits(20_000);
        assertTrue(longList < 16 * 1024, "bytes allocated per edit in a list of 20,000: " + longList);
        assertTrue(longList < 3 * shortList + 2048,
                "bytes per edit: " + shortList + " in a list of 200, " + longList + " in a list of 20,000");
    }

    @Test
    void eachAppendOrInsertIsOneAddAndAFillChangesNoRow() {
        PlaylistModel model = new PlaylistModel(new Random(1));
        List<PlaylistRow> references = model.insertReferences(0, locations(1000));
        List<String> changes = new ArrayList<>();
        model.entries().addListener((ListChangeListener<PlaylistRow>) c -> {
            while (c.next()) changes.add((c.wasAdded() ? "add " : "other ") + c.getFrom() + "-" + c.getTo());
        });
        PlaylistRow appended = model.append(buffers.get(0));
        model.fill(references.get(500), buffers.get(1));
        assertSame(appended, model.entries().get(1000));
        assertSame(buffers.get(1), model.entries().get(500).row());
        List<PlaylistRow> together = model.insertAll(2, buffers.subList(2, 5));
        assertEquals(List.of("add 1000-1001", "add 2-5"), changes);
        assertEquals(together, model.entries().subList(2, 5));
    }

    @Test
    void theCurrentEntryFollowsEditsMadeBeforeIt() {
        PlaylistModel model = new PlaylistModel(new Random(1));
        List<PlaylistRow> references = model.insertReferences(0, locations(10));
        model.setCurrent(references.get(5));
        model.insert(0, buffers.get(0));
        assertSame(references.get(5), model.current());
        assertEquals(6, model.indexOf(model.current()));
        model.remove(List.of(references.get(0), references.get(5)));
        assertNull(model.current(), "the playing entry was removed");
        assertSame(references.get(6), model.next().orElseThrow(), "playback goes on with the entry that followed it");
    }

    /** Bytes allocated per edit, on average, for appends, inserts in the middle and fills in a list of {@code size} references. */
    private long edits(int size) {
        PlaylistModel model = new PlaylistModel(new Random(1));
        List<PlaylistRow> references = model.insertReferences(0, locations(size));
        model.entries().addListener((ListChangeListener<PlaylistRow>) c -> { }); // a view is watching
        long before = allocated();
        for (int i = 0; i < EDITS / 4; i++) model.append(buffers.get(i));
        for (int i = 0; i < EDITS / 4; i++) model.insert(size / 2, buffers.get(EDITS / 4 + i));
        for (int i = 0; i < EDITS / 2; i++) model.fill(references.get(i * (size / EDITS)), buffers.get(EDITS / 2 + i));
        long perEdit = (allocated() - before) / EDITS;
        assertEquals(size + EDITS / 2, model.entries().size());
        return perEdit;
    }

    private static List<String> locations(int n) {
        return IntStream.range(0, n).mapToObj(i -> "http://127.0.0.1:9/t" + i + ".wav").toList();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
