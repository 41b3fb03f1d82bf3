package dev.bufferdeck.source;

import dev.bufferdeck.audio.PcmDecoder;
import dev.bufferdeck.audio.TitledDecoder;
import dev.bufferdeck.audio.decode.Decoders;
import dev.bufferdeck.format.FormatSniffer;
import dev.bufferdeck.repository.MediaBuffer;
import dev.bufferdeck.repository.MediaRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ogg Vorbis, Ogg Opus and AAC (ADTS) internet radio through the live path, against an Icecast-style
 * server on 127.0.0.1 that sends a few chain links (or frames) back to back for ever: each link
 * plays with its title, and a change of codec, rate or channels mid-stream plays on.
 */
class LiveOggAacStreamTest {
    private static final int WINDOW = 256 * 1024;

    private final MediaRepository repository = new MediaRepository(4 << 20, new FormatSniffer());
    private final Cancellation cancel = new Cancellation();
    private SourceLoader loader;
    private CompletableFuture<Object> load;

    @AfterEach
    void close() throws Exception {
        cancel.cancel();
        if (load != null) load.get(10, TimeUnit.SECONDS);
        if (loader != null) loader.close();
    }

    static byte[] station(String... resources) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : resources) {
            try (InputStream in = LiveOggAacStreamTest.class.getResourceAsStream("/dev/bufferdeck/audio/" + name)) {
                out.writeBytes(in.readAllBytes());
            }
        }
        return out.toByteArray();
    }

    private MediaBuffer listen(IcecastServer server) throws Exception {
        CompletableFuture<MediaBuffer> started = new CompletableFuture<>();
        loader = new SourceLoader(repository, HttpSettings.DEFAULTS);
        loader.setLiveSettings(new LiveSettings(WINDOW, 3, Duration.ofMillis(100)));
        load = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(server.url("/stream"), LoadProgress.NONE, cancel, new LoadEvents() {
                    @Override public void started(MediaBuffer buffer) { started.complete(buffer); }
                });
            } catch (LoadException e) {
                started.completeExceptionally(e);
                return e;
            }
        });
        MediaBuffer live = started.get(10, TimeUnit.SECONDS);
        assertTrue(live.isLive());
        return live;
    }

    /** A title and the output frame its audio starts at. */
    record TitleAt(long frame, String title) {}

    /** What was heard: the PCM and where each title began. */
    record Heard(short[] pcm, List<TitleAt> titles) {}

    private static Heard hear(PcmDecoder d, long frames) throws Exception {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        List<TitleAt> titles = new ArrayList<>();
        byte[] chunk = new byte[d.format().getFrameSize() * 1000];
        long at = 0;
        String last = null;
        while (at < frames) {
            int n = d.read(chunk, 0, chunk.length);
            assertTrue(n > 0, "the stream plays on after " + at + " frames");
            pcm.write(chunk, 0, n);
            String t = ((TitledDecoder) d).title();
            if (t != null && !t.equals(last)) titles.add(new TitleAt(at, last = t));
            at += n / d.format().getFrameSize();
        }
        byte[] b = pcm.toByteArray();
        short[] s = new short[b.length / 2];
        for (int i = 0; i < s.length; i++) s[i] = (short) ((b[2 * i] & 0xFF) | b[2 * i + 1] << 8);
        return new Heard(s, titles);
    }

    /** Frequency of a tone from its zero crossings in frames [from, to) of the first channel. */
    static double frequency(short[] s, int channels, long from, long to, double rate) {
        int crossings = 0;
        for (long i = from + 1; i < to; i++) if ((s[(int) (i - 1) * channels] < 0) != (s[(int) i * channels] < 0)) crossings++;
        return crossings / 2.0 / ((to - from) / rate);
    }

    @Test
    void oggVorbisRadioPlaysEachChainLinkWithItsTitleInTheFirstLinksFormat() throws Exception {
        byte[] audio = station("link-vorbis-22k-mono.ogg", "link-vorbis-44k-stereo.ogg");
        try (IcecastServer server = new IcecastServer(audio, 0, k -> null, 100_000, n -> -1).withContentType("application/ogg")) {
            MediaBuffer live = listen(server);
            try (PcmDecoder d = Decoders.open(live)) {
                assertEquals(-1, d.totalFrames());
                assertEquals(22050f, d.format().getSampleRate());
                assertEquals(1, d.format().getChannels());
                Heard heard = hear(d, 2 * (11_025 + 8_820) + 2000);
                List<String> names = heard.titles().stream().map(TitleAt::title).toList();
                assertEquals(List.of("Artist A - First Song", "Second Song", "Artist A - First Song", "Second Song", "Artist A - First Song"), names);
                assertEquals(List.of(0L, 11_025L, 19_845L, 30_870L, 39_690L), heard.titles().stream().map(TitleAt::frame).toList(),
                        "each link whole: 11,025 frames, then 17,640 at 44.1 kHz as 8,820 at 22.05 kHz");
                assertEquals(440, frequency(heard.pcm(), 1, 500, 10_500, 22050), 10);
                assertEquals(660, frequency(heard.pcm(), 1, 11_525, 19_345, 22050), 10);
            }
        }
    }

    @Test
    void oggOpusRadioPlaysEachChainLinkWithItsTitle() throws Exception {
        byte[] audio = station("link-opus-mono.opus", "link-opus-stereo.opus");
        try (IcecastServer server = new IcecastServer(audio, 0, k -> null, 100_000, n -> -1).withContentType("audio/ogg")) {
            MediaBuffer live = listen(server);
            try (PcmDecoder d = Decoders.open(live)) {
                assertEquals(48000f, d.format().getSampleRate());
                assertEquals(1, d.format().getChannels());
                Heard heard = hear(d, 2 * 38_400 + 1000);
                assertEquals(List.of(new TitleAt(0, "Opus One"), new TitleAt(24_000, "Artist B - Opus Two"),
                        new TitleAt(38_400, "Opus One"), new TitleAt(62_400, "Artist B - Opus Two"),
                        new TitleAt(76_800, "Opus One")), heard.titles(), "each link whole, its pre-skip trimmed");
                assertEquals(660, frequency(heard.pcm(), 1, 26_000, 36_000, 48000), 10);
            }
        }
    }

    @Test
    void aacAdtsRadioPlaysWithItsIcyTitles() throws Exception {
        byte[] audio = station("link-adts-44k-stereo.aac");
        try (IcecastServer server = new IcecastServer(audio, 1024, k -> "Song " + (k / 2), 50_000, n -> -1).withContentType("audio/aac")) {
            MediaBuffer live = listen(server);
            try (PcmDecoder d = Decoders.open(live)) {
                assertEquals(44100f, d.format().getSampleRate());
                assertEquals(2, d.format().getChannels());
                Heard heard = hear(d, 3 * 44_100);
                assertEquals(660, frequency(heard.pcm(), 2, 5000, 20_000, 44100), 10);
                List<String> names = heard.titles().stream().map(TitleAt::title).toList();
                assertTrue(names.size() >= 2 && names.get(0).startsWith("Song ") && names.get(1).startsWith("Song "), names.toString());
            }
        }
    }

    @Test
    void aStreamThatChangesCodecRateAndChannelsMidStreamPlaysOn() throws Exception {
        // Vorbis 22 kHz mono, then AAC 44.1 kHz stereo with an ID3 tag before it, then Opus stereo; again and again
        byte[] audio = station("link-vorbis-22k-mono.ogg", "aac-lc-22k-mono-id3.aac", "link-adts-44k-stereo.aac", "link-opus-stereo.opus");
        try (IcecastServer server = new IcecastServer(audio, 0, k -> null, 100_000, n -> -1).withContentType("application/ogg")) {
            MediaBuffer live = listen(server);
            try (PcmDecoder d = Decoders.open(live)) {
                assertEquals(22050f, d.format().getSampleRate());
                assertEquals(1, d.format().getChannels());
                Heard heard = hear(d, 3 * 22_050 * 2);
                List<TitleAt> titles = heard.titles();
                assertTrue(titles.size() >= 4, "the Ogg links came round again: " + titles);
                assertEquals(List.of("Artist A - First Song", "Artist B - Opus Two", "Artist A - First Song", "Artist B - Opus Two"),
                        titles.subList(0, 4).stream().map(TitleAt::title).toList());
                long vorbisEnd = 11_025;
                long opusStart = titles.get(1).frame();
                long aac = opusStart - vorbisEnd;
                // 0.8 s of 22 kHz AAC and 0.5 s of 44.1 kHz AAC, each with its encoder's priming: about 1.3 s
                assertEquals(1.3, aac / 22050.0, 0.15, "both AAC runs played, in the Vorbis link's rate");
                assertEquals(660, frequency(heard.pcm(), 1, opusStart - 9000, opusStart - 1000, 22050), 15, "the 44.1 kHz stereo AAC");
                assertEquals(titles.get(2).frame() - titles.get(0).frame(), titles.get(3).frame() - titles.get(1).frame(), 2,
                        "every round plays the same length");
            }
        }
    }

    @Test
    void anMp3StreamThatChangesRateAndContainerMidStreamPlaysOn() throws Exception {
        // MPEG-2 22 kHz mono MP3 (0.8 s), MPEG-1 32 kHz stereo MP3 (0.3 s), then an Ogg Vorbis link (0.5 s); again and again
        byte[] audio = station("mp3-vbr-22k-mono.mp3", "mp3-vbr-32k-stereo.mp3", "link-vorbis-22k-mono.ogg");
        try (IcecastServer server = new IcecastServer(audio, 0, k -> null, 100_000, n -> -1).withContentType("audio/mpeg")) {
            MediaBuffer live = listen(server);
            try (PcmDecoder d = Decoders.open(live)) {
                assertEquals(22050f, d.format().getSampleRate());
                assertEquals(1, d.format().getChannels());
                List<Long> oggStarts = new ArrayList<>();   // the Ogg link has a title, the MP3 runs none
                byte[] chunk = new byte[2 * 500];
                boolean inOgg = false;
                for (long at = 0; at < 5 * 22_050 * 2; ) {
                    int n = d.read(chunk, 0, chunk.length);
                    assertTrue(n > 0, "the stream plays on after " + at + " frames");
                    boolean ogg = ((TitledDecoder) d).title() != null;
                    if (ogg && !inOgg) oggStarts.add(at);
                    inOgg = ogg;
                    at += n / 2;
                }
                assertTrue(oggStarts.size() >= 3, "the Ogg link came round again: " + oggStarts);
                long round = oggStarts.get(2) - oggStarts.get(1);
                // 1.6 s of audio, plus the encoder delay and padding a live stream keeps
                assertEquals(1.7, round / 22050.0, 0.15, "both MP3 runs and the Ogg link played, in the first run's rate");
                assertEquals(round, oggStarts.get(1) - oggStarts.get(0), 600, "every round plays the same length");
            }
        }
    }
}
