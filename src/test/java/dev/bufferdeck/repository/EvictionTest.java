package dev.bufferdeck.repository;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Buffers that can be loaded again are let go, least recently used first, when the budget is
 * needed; what cannot be reloaded, what is in use and what is pinned stays. The budget holds at
 * every step: a listener checks it on every add and every memory change.
 */
class EvictionTest {
    private static final long BUDGET = 10_000;

    private MediaRepository repo;
    private final List<String> overruns = new CopyOnWriteArrayList<>();
    private final List<String> evicted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        repo = new MediaRepository(BUDGET, FormatDetector.NONE);
        repo.addListener(new RepositoryListener() {
            @Override public void added(MediaBuffer b) { check(repo.figures()); }
            @Override public void memoryChanged(MemoryFigures f) { check(f); }
            @Override public void evicted(MediaBuffer b) { evicted.add(b.name()); }
        });
    }

    private void check(MemoryFigures f) {
        if (f.held() + f.reserved() > f.budget()) overruns.add(f.toString());
    }

    private static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) seed);
        b[0] = (byte) (seed >> 8);
        return b;
    }

    private static Origin file(String name) {
        return new Origin.File(Path.of("/music/" + name));
    }

    private MediaBuffer addFile(String name, int size, int seed) throws Exception {
        return repo.add(bytes(size, seed), name, file(name), "").buffer();
    }

    @Test
    void filesFourTimesTheBudgetAllFitOneAfterAnotherAndTheOldestGoFirst() throws Exception {
        List<MediaBuffer> added = new ArrayList<>();
        for (int i = 0; i < 16; i++) added.add(addFile("f" + i + ".wav", 2_500, i + 1));
        assertEquals(List.of(), overruns, "the budget was exceeded");
        assertEquals(16, repo.count(), "references stay listed");
        assertEquals(List.of("f0.wav", "f1.wav", "f2.wav", "f3.wav"), evicted.subList(0, 4), "oldest first");
        for (int i = 0; i < 12; i++) assertFalse(added.get(i).isResident(), added.get(i).name());
        for (int i = 12; i < 16; i++) assertTrue(added.get(i).isResident(), added.get(i).name());
        MemoryFigures f = repo.figures();
        assertEquals(10_000, f.held());
        assertEquals(12, f.references());
        assertEquals(12 * 2_500, f.referenceBytes());
        assertEquals("9.8 KiB of 9.8 KiB · 4 in memory, 12 references", f.describe());
    }

    @Test
    void aReferenceKeepsItsFactsButHoldsNoBytes() throws Exception {
        MediaBuffer a = addFile("a.wav", 6_000, 1);
        String sha = a.sha256();
        addFile("b.wav", 6_000, 2);
        assertFalse(a.isResident());
        assertEquals(sha, a.sha256());
        assertEquals(6_000, a.sourceSize());
        assertEquals(0, a.size());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> a.byteAt(0));
        assertTrue(e.getMessage().contains("not in memory"), e.getMessage());
        IllegalStateException notThere = assertThrows(IllegalStateException.class, a::use);
        assertEquals("a.wav is not in memory; load it again", notThere.getMessage());
    }

    @Test
    void recentlyUsedBuffersStayLongerThanOlderOnes() throws Exception {
        MediaBuffer a = addFile("a.wav", 3_000, 1);
        MediaBuffer b = addFile("b.wav", 3_000, 2);
        MediaBuffer c = addFile("c.wav", 3_000, 3);
        Thread.sleep(1);
        repo.touch(a);
        addFile("d.wav", 3_000, 4);
        assertTrue(a.isResident(), "a was looked at last");
        assertFalse(b.isResident(), "b is the least recently used");
        assertTrue(c.isResident());
    }

    @Test
    void droppedBytesAreNeverLetGoAndTheBudgetSaysSo() throws Exception {
        MediaBuffer dropped = repo.add(bytes(6_000, 1), "clip", new Origin.Dropped("audio/wav", "from a browser"), "").buffer();
        MediaBuffer builtIn = repo.add(bytes(2_000, 2), "demo", new Origin.BuiltIn("demo.mp3"), "").buffer();
        BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> addFile("f.wav", 3_000, 3));
        assertEquals(2_000, e.available());
        assertTrue(dropped.isResident());
        assertTrue(builtIn.isResident());
        assertFalse(repo.letGo(dropped));
        assertEquals(List.of(), evicted);
        assertEquals(List.of(), overruns);
    }

    @Test
    void aBufferInUseIsNeverLetGoUntilItsUseEnds() throws Exception {
        MediaBuffer playing = addFile("playing.wav", 4_000, 1);
        MediaBuffer queued = addFile("queued.wav", 4_000, 2);
        try (MediaBuffer.Use p = playing.use(); MediaBuffer.Use q = queued.use()) {
            BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> addFile("third.wav", 4_000, 3));
            assertTrue(e.getMessage().startsWith("memory budget full"), e.getMessage());
            assertTrue(playing.isResident());
            assertTrue(queued.isResident());
            p.close();
            p.close(); // twice is harmless
        }
        MediaBuffer third = addFile("third.wav", 4_000, 3);
        assertTrue(third.isResident());
        assertEquals(List.of("playing.wav"), evicted, "the use of playing.wav ended first");
        assertEquals(List.of(), overruns);
    }

    @Test
    void aPinnedBufferStaysAndUnpinningLetsItGo() throws Exception {
        MediaBuffer pinned = addFile("pinned.wav", 5_000, 1);
        repo.pin(pinned, true);
        MediaBuffer other = addFile("other.wav", 5_000, 2);
        addFile("more.wav", 5_000, 3);
        assertTrue(pinned.isResident());
        assertFalse(other.isResident());
        repo.pin(pinned, false);
        addFile("again.wav", 5_000, 4);
        assertFalse(pinned.isResident());
    }

    @Test
    void urlsAreLetGoOnlyWhenTheSettingAllows() throws Exception {
        Origin url = new Origin.Url(URI.create("http://127.0.0.1/a.mp3"), URI.create("http://127.0.0.1/a.mp3"), 200, Map.of());
        MediaBuffer fromUrl = repo.add(bytes(6_000, 1), "a.mp3", url, "").buffer();
        assertFalse(repo.canLetGo(fromUrl));
        assertThrows(BudgetExceededException.class, () -> addFile("f.wav", 6_000, 2));
        assertTrue(fromUrl.isResident());
        repo.setLetGoOfUrls(true);
        addFile("f.wav", 6_000, 2);
        assertFalse(fromUrl.isResident());
        assertEquals(List.of(), overruns);
    }

    @Test
    void loadingTheSameBytesAgainFillsTheReferenceWithTheSameDigest() throws Exception {
        MediaBuffer a = addFile("a.wav", 6_000, 1);
        String sha = a.sha256();
        addFile("b.wav", 6_000, 2);
        assertFalse(a.isResident());
        AddResult again = repo.add(bytes(6_000, 1), "a.wav", file("a.wav"), "");
        assertSame(a, again.buffer(), "the reference is filled, not listed twice");
        assertTrue(again.duplicate());
        assertTrue(a.isResident());
        assertEquals(sha, MediaRepository.sha256(toArray(a)));
        assertEquals(2, repo.count());
        assertEquals(6_000, repo.bytesHeld(), "b was let go to make room");
        assertEquals(List.of(), overruns);
    }

    @Test
    void removingAReferenceForgetsIt() throws Exception {
        MediaBuffer a = addFile("a.wav", 6_000, 1);
        addFile("b.wav", 6_000, 2);
        assertTrue(repo.remove(a));
        assertEquals(1, repo.count());
        assertEquals(6_000, repo.bytesHeld());
        assertTrue(repo.findBySha256(a.sha256()).isEmpty());
    }

    private static byte[] toArray(MediaBuffer b) {
        byte[] out = new byte[b.size()];
        b.bytes().get(0, out);
        return out;
    }
}
