package dev.bufferdeck.audio.sink;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class MemorySinkTest {
    private static final AudioFormat MONO_8K = new AudioFormat(8_000f, 16, 1, true, false);
    private final List<SourceDataLine> opened = new ArrayList<>();

    @AfterEach
    void closeLines() {
        opened.forEach(SourceDataLine::close);
    }

    private MemorySinkLine open(AudioFormat format, int bufferBytes, boolean realTime) throws Exception {
        Mixer mixer = AudioSystem.getMixer(MemorySinkMixer.info());
        MemorySinkLine line = (MemorySinkLine) mixer.getLine(new DataLine.Info(SourceDataLine.class, format));
        PcmRecorder.keep(line.realTime(realTime), 1 << 24);
        line.open(format, bufferBytes);
        opened.add(line);
        return line;
    }

    private static byte[] pattern(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) b[i] = (byte) (i * 31 + (i >> 8));
        return b;
    }

    @Test
    void javaSoundListsTheSinkAndHandsOutItsLine() throws Exception {
        Mixer.Info found = Arrays.stream(AudioSystem.getMixerInfo())
                .filter(i -> i.getName().equals("BufferDeck memory sink")).findFirst().orElseThrow();
        Mixer mixer = AudioSystem.getMixer(found);
        DataLine.Info wanted = new DataLine.Info(SourceDataLine.class, new AudioFormat(96_000f, 24, 6, true, true));
        assertTrue(mixer.isLineSupported(wanted));
        assertInstanceOf(MemorySinkLine.class, mixer.getLine(wanted));
        assertFalse(mixer.isLineSupported(new DataLine.Info(javax.sound.sampled.TargetDataLine.class, MONO_8K)));
    }

    @Test
    void whatIsWrittenIsPlayedBitExact() throws Exception {
        MemorySinkLine line = open(new AudioFormat(44_100f, 24, 2, true, false), 6 * 1000, false);
        byte[] data = pattern(6 * 44_100);
        line.start();
        assertEquals(data.length, line.write(data, 0, data.length));
        line.drain();
        assertArrayEquals(data, PcmRecorder.kept(line));
        assertEquals(44_100, line.getLongFramePosition());
    }

    @Test
    void positionAdvancesWithElapsedTimeInRealTime() throws Exception {
        MemorySinkLine line = open(MONO_8K, 2 * 8_000 * 2, true);
        byte[] twoSeconds = pattern(2 * 8_000 * 2);
        line.write(twoSeconds, 0, twoSeconds.length);
        assertEquals(0, line.getLongFramePosition(), "nothing is played before start");

        long before = System.nanoTime();
        line.start();
        long after = System.nanoTime();
        Thread.sleep(300);
        long t1 = System.nanoTime();
        long pos = line.getLongFramePosition();
        long t2 = System.nanoTime();

        long atLeast = (long) ((t1 - after) / 1e9 * 8_000) - 1;
        long atMost = (long) ((t2 - before) / 1e9 * 8_000) + 1;
        assertTrue(pos >= atLeast && pos <= atMost, pos + " frames, expected " + atLeast + ".." + atMost);
        line.stop();
        assertEquals(line.getLongFramePosition() * 125, line.getMicrosecondPosition());
    }

    @Test
    void positionNeverPassesWhatWasWritten() throws Exception {
        MemorySinkLine line = open(MONO_8K, 8_000, true);
        byte[] tenth = pattern(800 * 2);
        line.start();
        line.write(tenth, 0, tenth.length);
        Thread.sleep(250);
        assertEquals(800, line.getLongFramePosition());
        assertFalse(line.isActive(), "an empty running line is not active");
        assertTrue(line.isRunning());
    }

    @Test
    void writeBlocksWhileTheSmallBufferPlays() throws Exception {
        MemorySinkLine line = open(MONO_8K, 800 * 2, true); // 100 ms
        assertEquals(1600, line.getBufferSize());
        byte[] threeTenths = pattern(2_400 * 2);
        line.start();
        long t0 = System.nanoTime();
        assertEquals(threeTenths.length, line.write(threeTenths, 0, threeTenths.length));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 190, "write returned after " + ms + " ms; 200 ms of audio had to play first");
        line.drain();
        assertArrayEquals(threeTenths, PcmRecorder.kept(line));
    }

    @Test
    void aWriterIntoAFullLineWaitsOncePerWriteEvenWhilePositionIsRead() throws Exception {
        AudioFormat stereo = new AudioFormat(44_100f, 16, 2, true, false);
        MemorySinkLine line = open(stereo, 8_820 * 4, true); // 200 ms, like the player's line
        byte[] chunk = pattern(2_048 * 4);                    // one decoder chunk, 46 ms
        line.start();
        while (line.available() >= chunk.length) line.write(chunk, 0, chunk.length);
        Thread reader = new Thread(() -> {                    // the views read the position about 40 times a second
            while (!Thread.currentThread().isInterrupted()) {
                line.getLongFramePosition();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        reader.start();
        try {
            long before = line.writeWaits();
            int writes = 10;
            for (int i = 0; i < writes; i++) assertEquals(chunk.length, line.write(chunk, 0, chunk.length));
            long waits = line.writeWaits() - before;
            // waiting for half of what is left, and waking at every position read, made about ten waits per write
            assertTrue(waits <= writes * 2L, waits + " waits for " + writes + " writes");
        } finally {
            reader.interrupt();
            reader.join();
        }
    }

    @Test
    void stopFreezesPositionAndStartContinues() throws Exception {
        MemorySinkLine line = open(MONO_8K, 8_000 * 2, true);
        byte[] second = pattern(8_000 * 2);
        line.write(second, 0, second.length);
        line.start();
        Thread.sleep(100);
        line.stop();
        long stopped = line.getLongFramePosition();
        Thread.sleep(200);
        assertEquals(stopped, line.getLongFramePosition());
        assertFalse(line.isRunning());
        line.start();
        Thread.sleep(100);
        assertTrue(line.getLongFramePosition() > stopped);
    }

    @Test
    void aStoppedFullLineReturnsFromWriteWithWhatFitted() throws Exception {
        MemorySinkLine line = open(MONO_8K, 1_000, true);
        byte[] data = pattern(4_000);
        assertEquals(1_000, line.write(data, 0, data.length));
        assertEquals(0, line.available());
    }

    @Test
    void flushDropsQueuedFramesAndKeepsThePosition() throws Exception {
        MemorySinkLine line = open(MONO_8K, 4_000, false);
        byte[] first = pattern(1_000);
        line.write(first, 0, first.length); // queued, not started
        line.flush();
        assertEquals(4_000, line.available());
        byte[] second = pattern(600);
        line.start();
        line.write(second, 0, second.length);
        line.drain();
        assertArrayEquals(second, PcmRecorder.kept(line));
        assertEquals(300, line.getLongFramePosition());
    }

    @Test
    void streamsPlayedBytesToAConsumer() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MemorySinkLine line = MemorySinkMixer.instance().newLine().realTime(false).streamTo(out::write);
        line.open(MONO_8K);
        opened.add(line);
        byte[] data = pattern(10_000);
        line.start();
        line.write(data, 0, data.length);
        line.drain();
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void theTestRecorderKeepsNoMoreThanItsLimit() throws Exception {
        MemorySinkLine line = PcmRecorder.keep(MemorySinkMixer.instance().newLine().realTime(false), 100);
        line.open(MONO_8K);
        opened.add(line);
        byte[] data = pattern(1_000);
        line.start();
        line.write(data, 0, data.length);
        assertArrayEquals(Arrays.copyOf(data, 100), PcmRecorder.kept(line));
        assertTrue(PcmRecorder.of(line).overflowed());
        assertEquals(1_000, line.playedBytes());
    }

    @Test
    void lineEventsArriveInOrder() throws Exception {
        List<LineEvent.Type> events = new CopyOnWriteArrayList<>();
        MemorySinkLine line = MemorySinkMixer.instance().newLine();
        line.addLineListener(e -> events.add(e.getType()));
        line.open(MONO_8K);
        line.start();
        line.stop();
        line.close();
        long deadline = System.currentTimeMillis() + 2_000;
        while (events.size() < 4 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertEquals(List.of(LineEvent.Type.OPEN, LineEvent.Type.START, LineEvent.Type.STOP, LineEvent.Type.CLOSE), events);
        assertFalse(line.isOpen());
        assertEquals(0, line.write(new byte[2], 0, 2), "a closed line takes nothing");
    }

    @Test
    void refusesAPartialFrameAndNonPcm() throws Exception {
        MemorySinkLine line = open(MONO_8K, 1_000, false);
        assertThrows(IllegalArgumentException.class, () -> line.write(new byte[3], 0, 3));
        MemorySinkLine other = MemorySinkMixer.instance().newLine();
        assertThrows(IllegalArgumentException.class,
                () -> other.open(new AudioFormat(AudioFormat.Encoding.ULAW, 8_000f, 8, 1, 1, 8_000f, false)));
    }

    @Test
    void drainReturnsOnceEverythingWasHeard() throws Exception {
        MemorySinkLine line = open(MONO_8K, 8_000 * 2, true);
        byte[] quarter = pattern(2_000 * 2);
        line.start();
        long t0 = System.nanoTime();
        line.write(quarter, 0, quarter.length);
        line.drain();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 245, "drain returned after " + ms + " ms for 250 ms of audio");
        assertEquals(2_000, line.getLongFramePosition());
    }
}
