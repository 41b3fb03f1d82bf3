package dev.bufferdeck.format;

import dev.bufferdeck.repository.ByteSource;
import dev.bufferdeck.repository.MediaFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static dev.bufferdeck.format.TestBytes.be32;
import static dev.bufferdeck.format.TestBytes.le32;
import static dev.bufferdeck.format.TestBytes.mp3Frame;
import static dev.bufferdeck.format.TestBytes.of;
import static dev.bufferdeck.format.TestBytes.repeat;
import static dev.bufferdeck.format.TestBytes.syncsafe;
import static dev.bufferdeck.format.TestBytes.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FormatSnifferTest {
    private final FormatSniffer sniffer = new FormatSniffer();

    static Stream<Arguments> prefixes() {
        byte[] twoFrames = repeat(mp3Frame(), 2);
        return Stream.of(
                row("WAV", MediaFormat.WAV, of("RIFF", le32(36), "WAVE", "fmt ", le32(16), zeros(16))),
                row("WAV with sizes of 4 GiB", MediaFormat.WAV, of("RIFF", le32(0xFFFFFFFFL), "WAVE", "data", le32(0xFFFFFFFFL))),
                row("RF64", MediaFormat.RF64, of("RF64", le32(0xFFFFFFFFL), "WAVE", "ds64")),
                row("BW64", MediaFormat.RF64, of("BW64", le32(0xFFFFFFFFL), "WAVE")),
                row("RIFF cut before its form type", MediaFormat.UNKNOWN, of("RIFF", 0, 0, 0)),
                row("RIFF AVI is not audio we know", MediaFormat.UNKNOWN, of("RIFF", le32(100), "AVI ", "LIST", zeros(8))),
                row("AIFF", MediaFormat.AIFF, of("FORM", be32(46), "AIFF", "COMM", be32(18), zeros(18))),
                row("AIFF-C", MediaFormat.AIFC, of("FORM", be32(46), "AIFC", "FVER", be32(4), zeros(4))),
                row("AU", MediaFormat.AU, of(".snd", be32(24), be32(0xFFFFFFFFL), be32(3), be32(8000), be32(1))),
                row("AU with a header offset too small", MediaFormat.UNKNOWN, of(".snd", be32(3), zeros(16))),
                row("MP3: two frames at 0", MediaFormat.MP3, twoFrames),
                row("MP3: frames after 1000 bytes of junk", MediaFormat.MP3, of(zeros(1000), twoFrames)),
                row("MP3: junk longer than the window", MediaFormat.UNKNOWN, of(zeros(FormatSniffer.JUNK_WINDOW + 10), twoFrames)),
                row("MP3: one frame at 0 cut short", MediaFormat.MP3, Arrays.copyOf(mp3Frame(), 100)),
                row("MP3: a lone header after junk", MediaFormat.UNKNOWN, of(zeros(10), Arrays.copyOf(mp3Frame(), 100))),
                row("MP3: second header of another stream", MediaFormat.UNKNOWN, of(mp3Frame(), 0xFF, 0xF3, 0x90, 0x64, zeros(400))),
                row("MP3: free-format bitrate is not accepted", MediaFormat.UNKNOWN, of(0xFF, 0xFB, 0x00, 0x64, zeros(600))),
                row("MP3: reserved sample rate", MediaFormat.UNKNOWN, of(0xFF, 0xFB, 0x9C, 0x64, zeros(600))),
                row("MP3 after ID3v2.3", MediaFormat.MP3, of("ID3", 3, 0, 0, syncsafe(20), zeros(20), twoFrames)),
                row("MP3 after ID3v2.4 with footer", MediaFormat.MP3, of("ID3", 4, 0, 0x10, syncsafe(20), zeros(20), "3DI", 4, 0, 0x10, syncsafe(20), twoFrames)),
                row("MP3 after ID3v2 and padding the size does not cover", MediaFormat.MP3, of("ID3", 3, 0, 0, syncsafe(10), zeros(10), zeros(3000), twoFrames)),
                row("MP3 after two ID3v2 tags", MediaFormat.MP3, of("ID3", 3, 0, 0, syncsafe(5), zeros(5), "ID3", 4, 0, 0, syncsafe(5), zeros(5), twoFrames)),
                row("ID3v2 claiming 256 MiB, cut short", MediaFormat.MP3, of("ID3", 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, zeros(20))),
                row("ID3v2 claiming 2 GiB with bytes that are not syncsafe", MediaFormat.UNKNOWN, of("ID3", 4, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF, zeros(20))),
                row("ID3v2 header cut after 5 bytes", MediaFormat.UNKNOWN, of("ID3", 4, 0)),
                row("ID3v2 then FLAC", MediaFormat.FLAC, of("ID3", 3, 0, 0, syncsafe(10), zeros(10), "fLaC", 0x80, 0, 0, 34, zeros(34))),
                row("MPEG-2 Layer III", MediaFormat.MP3, repeat(of(0xFF, 0xF3, 0x90, 0x64, zeros(257)), 2)),
                row("MPEG-1 Layer II", MediaFormat.MPEG_LAYER_2, repeat(of(0xFF, 0xFD, 0x90, 0x04, zeros(518)), 2)),
                row("MPEG-1 Layer I", MediaFormat.MPEG_LAYER_1, repeat(of(0xFF, 0xFF, 0x90, 0x04, zeros(308)), 2)),
                row("AAC ADTS", MediaFormat.AAC_ADTS, repeat(adtsFrame(100), 2)),
                row("AAC ADTS after ID3v2", MediaFormat.AAC_ADTS, of("ID3", 4, 0, 0, syncsafe(4), zeros(4), repeat(adtsFrame(100), 3))),
                row("Ogg Vorbis", MediaFormat.OGG_VORBIS, oggFirstPage(of(1, "vorbis", zeros(23)))),
                row("Ogg Opus", MediaFormat.OGG_OPUS, oggFirstPage(of("OpusHead", 1, 2, zeros(9)))),
                row("Ogg FLAC", MediaFormat.OGG_FLAC, oggFirstPage(of(0x7F, "FLAC", 1, 0, 0, 1, "fLaC", zeros(38)))),
                row("Ogg Speex", MediaFormat.OGG_SPEEX, oggFirstPage(of("Speex   ", zeros(72)))),
                row("Ogg Theora is another Ogg", MediaFormat.OGG, oggFirstPage(of(0x80, "theora", zeros(35)))),
                row("Ogg page cut inside its header", MediaFormat.OGG, of("OggS", 0, 2, zeros(10))),
                row("Ogg page claiming 255 segments, cut short", MediaFormat.OGG, of("OggS", 0, 2, zeros(20), 255, 255, 255)),
                row("FLAC", MediaFormat.FLAC, of("fLaC", 0x00, 0, 0, 34, zeros(34))),
                row("FLAC magic alone", MediaFormat.FLAC, of("fLaC")),
                row("MIDI", MediaFormat.MIDI, of("MThd", be32(6), 0, 1, 0, 2, 0, 96)),
                row("RIFF MIDI", MediaFormat.MIDI, of("RIFF", le32(100), "RMID", "data")),
                row("M4A by major brand", MediaFormat.M4A, of(be32(32), "ftyp", "M4A ", be32(0), "M4A ", "mp42", "isom", zeros(4))),
                row("M4A by compatible brand", MediaFormat.M4A, of(be32(28), "ftyp", "mp42", be32(0), "isom", "M4A ", "mp42")),
                row("MP4 video", MediaFormat.MP4, of(be32(32), "ftyp", "isom", be32(512), "isom", "iso2", "avc1", "mp41")),
                row("QuickTime", MediaFormat.MP4, of(be32(20), "ftyp", "qt  ", be32(0), "qt  ")),
                row("ftyp claiming 4 GiB", MediaFormat.MP4, of(be32(0xFFFFFFFFL), "ftyp", "mp42", be32(0), "isom")),
                row("HEIF photo", MediaFormat.HEIF, of(be32(24), "ftyp", "heic", be32(0), "mif1", "heic")),
                row("WebM", MediaFormat.WEBM, ebml("webm")),
                row("Matroska", MediaFormat.MATROSKA, ebml("matroska")),
                row("EBML cut after its ID", MediaFormat.MATROSKA, of(0x1A, 0x45, 0xDF, 0xA3)),
                row("EBML with an unknown-size header", MediaFormat.MATROSKA, of(0x1A, 0x45, 0xDF, 0xA3, 0xFF, 0x42, 0x82, 0x88)),
                row("HTML with doctype", MediaFormat.HTML, utf8("<!DOCTYPE html>\n<html><head><title>404</title></head></html>")),
                row("HTML with BOM and leading blank lines", MediaFormat.HTML, of(0xEF, 0xBB, 0xBF, utf8("\n\n  <html><body>Not found</body></html>"))),
                row("HTML fragment without html tag", MediaFormat.HTML, utf8("<title>502 Bad Gateway</title>")),
                row("HTML in UTF-16LE with BOM", MediaFormat.HTML, of(0xFF, 0xFE, "<html>".getBytes(StandardCharsets.UTF_16LE))),
                row("XHTML with XML declaration", MediaFormat.HTML, utf8("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"></html>")),
                row("HTML in ISO-8859-1", MediaFormat.HTML, of("<html><head><title>Erreur</title></head><body>Page introuvable: ", 0xE9, "t", 0xE9, "</body></html>")),
                row("ISO-8859-1 bytes without markup are not called text", MediaFormat.UNKNOWN, of("caf", 0xE9, " cr", 0xE8, "me")),
                row("binary starting with < is not markup", MediaFormat.UNKNOWN, of("<", 0xE9, 0, 1, 2, "html")),
                row("XML", MediaFormat.XML, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><playlist version=\"1\"/>")),
                row("XML without declaration", MediaFormat.XML, utf8("<rss version=\"2.0\"><channel/></rss>")),
                row("JSON object", MediaFormat.JSON, utf8("  {\"error\": \"not found\", \"code\": 404}")),
                row("JSON array", MediaFormat.JSON, utf8("[1, 2, 3]")),
                row("Bracketed text that is not JSON", MediaFormat.TEXT, utf8("[playlist]\nFile1=a.mp3\n")),
                row("UTF-8 text", MediaFormat.TEXT, utf8("Grüße aus Köln — ♫\n")),
                row("ASCII text", MediaFormat.TEXT, utf8("#EXTM3U\n#EXTINF:123,Artist - Title\nsong.mp3\n")),
                row("Text longer than the prefix, cut in a UTF-8 sequence", MediaFormat.TEXT, utf8("é".repeat(TextSniffer.PREFIX))),
                row("Invalid UTF-8", MediaFormat.UNKNOWN, of("abc", 0xC3, 0x28, "def")),
                row("Text with a NUL", MediaFormat.UNKNOWN, of("abc", 0, "def")),
                row("PNG", MediaFormat.PNG, of(0x89, "PNG", 0x0D, 0x0A, 0x1A, 0x0A, be32(13), "IHDR")),
                row("JPEG", MediaFormat.JPEG, of(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, "JFIF", 0)),
                row("GIF", MediaFormat.GIF, of("GIF89a", 1, 0, 1, 0, 0x80)),
                row("PDF", MediaFormat.PDF, of("%PDF-1.7\n", 0x25, 0xE2, 0xE3, 0xCF, 0xD3)),
                row("ZIP", MediaFormat.ZIP, of("PK", 3, 4, 20, 0, zeros(24))),
                row("empty ZIP", MediaFormat.ZIP, of("PK", 5, 6, zeros(18))),
                row("empty input", MediaFormat.EMPTY, new byte[0]),
                row("one zero byte", MediaFormat.UNKNOWN, of(0)),
                row("one 0xFF byte", MediaFormat.UNKNOWN, of(0xFF)),
                row("one letter", MediaFormat.TEXT, of("a")),
                row("4 KiB of noise", MediaFormat.UNKNOWN, noise(4096)),
                row("1 MiB of zeros", MediaFormat.UNKNOWN, zeros(1 << 20)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prefixes")
    void detectsTheFormatFromTheBytes(String name, MediaFormat expected, byte[] bytes) {
        assertEquals(expected, sniffer.sniff(ByteSource.of(bytes)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prefixes")
    void everyPrefixOfEveryCaseIsAnsweredWithoutThrowing(String name, MediaFormat expected, byte[] bytes) {
        int step = Math.max(1, bytes.length / 200);
        for (int length = 0; length <= bytes.length; length += length < 80 ? 1 : step) {
            MediaFormat format = sniffer.sniffUnguarded(ByteSource.of(bytes).slice(0, length));
            assertTrue(format != null, "no answer for " + length + " bytes");
        }
    }

    @Test
    void hostileSizesAllocateNothingInProportionToWhatTheyClaim() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        byte[][] hostile = {
                of("ID3", 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, zeros(20)),
                of("ID3", 3, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF),
                of("RIFF", le32(0xFFFFFFFFL), "WAVE", "data", le32(0x7FFFFFFFL)),
                of(be32(0x7FFFFFFFL), "ftyp", "mp42", be32(0)),
                of(0x1A, 0x45, 0xDF, 0xA3, 0x01, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
        };
        for (byte[] bytes : hostile) sniffer.sniff(ByteSource.of(bytes)); // warm up
        long tid = Thread.currentThread().getId();
        for (byte[] bytes : hostile) {
            long before = threads.getThreadAllocatedBytes(tid);
            sniffer.sniff(ByteSource.of(bytes));
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertTrue(allocated < 1 << 20, "sniffing allocated " + allocated + " bytes");
        }
    }

    @Test
    void sniffsFromTheStartOfTheViewItIsGiven() {
        ByteSource b = ByteSource.of(of("junk", "fLaC", 0x80, 0, 0, 34));
        assertEquals(MediaFormat.FLAC, sniffer.sniff(b.slice(4, b.limit() - 4)));
    }

    private static Arguments row(String name, MediaFormat expected, byte[] bytes) {
        return Arguments.of(name, expected, bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] noise(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    static byte[] adtsFrame(int length) {
        byte[] frame = new byte[length];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xF1;
        frame[2] = (byte) 0x50;
        frame[3] = (byte) (0x80 | (length >> 11));
        frame[4] = (byte) (length >> 3);
        frame[5] = (byte) ((length & 7) << 5 | 0x1F);
        frame[6] = (byte) 0xFC;
        return frame;
    }

    /** A first Ogg page holding one packet (CRC not filled in: the sniffer does not check it). */
    static byte[] oggFirstPage(byte[] packet) {
        return of("OggS", 0, 2, zeros(8), le32(1234), le32(0), le32(0), 1, packet.length, packet);
    }

    private static byte[] ebml(String docType) {
        byte[] body = of(0x42, 0x86, 0x81, 1, 0x42, 0xF7, 0x81, 1, 0x42, 0x82, 0x80 | docType.length(), docType,
                0x42, 0x87, 0x81, 4);
        return of(0x1A, 0x45, 0xDF, 0xA3, 0x80 | body.length, body, 0x18, 0x53, 0x80, 0x67);
    }
}
