package dev.bufferdeck.format;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MpegAudioHeaderTest {

    @Test
    void mpeg1Layer3FrameLengthFollowsBitrateSampleRateAndPadding() {
        MpegAudioHeader h = MpegAudioHeader.parse(0xFF, 0xFB, 0x90, 0x64);
        assertEquals(MpegAudioHeader.Version.MPEG_1, h.version());
        assertEquals(3, h.layer());
        assertEquals(128, h.bitrateKbps());
        assertEquals(44100, h.sampleRate());
        assertEquals(417, h.frameLength());
        assertEquals(1152, h.samplesPerFrame());
        assertEquals(418, MpegAudioHeader.parse(0xFF, 0xFB, 0x92, 0x64).frameLength());
    }

    @Test
    void mpeg2AndMpeg25UseHalfTheSamplesAndTheirOwnRates() {
        MpegAudioHeader v2 = MpegAudioHeader.parse(0xFF, 0xF3, 0x80, 0xC4); // 64 kbit/s, 22.05 kHz
        assertEquals(22050, v2.sampleRate());
        assertEquals(64, v2.bitrateKbps());
        assertEquals(72 * 64000 / 22050, v2.frameLength());
        assertEquals(576, v2.samplesPerFrame());
        MpegAudioHeader v25 = MpegAudioHeader.parse(0xFF, 0xE3, 0x88, 0xC4); // 8 kHz
        assertEquals(MpegAudioHeader.Version.MPEG_2_5, v25.version());
        assertEquals(8000, v25.sampleRate());
    }

    @Test
    void layer1And2LengthsUseTheirOwnFormulas() {
        assertEquals((12 * 288000 / 44100) * 4, MpegAudioHeader.parse(0xFF, 0xFF, 0x90, 0x04).frameLength());
        assertEquals(144 * 160000 / 44100, MpegAudioHeader.parse(0xFF, 0xFD, 0x90, 0x04).frameLength());
    }

    @Test
    void reservedFieldsAreNotAHeader() {
        assertNull(MpegAudioHeader.parse(0xFF, 0xEB, 0x90, 0x64), "reserved version");
        assertNull(MpegAudioHeader.parse(0xFF, 0xF9, 0x90, 0x64), "reserved layer");
        assertNull(MpegAudioHeader.parse(0xFF, 0xFB, 0xF0, 0x64), "bad bitrate");
        assertNull(MpegAudioHeader.parse(0xFF, 0xFB, 0x9C, 0x64), "reserved sample rate");
        assertNull(MpegAudioHeader.parse(0xFF, 0xFB, 0x90, 0x66), "reserved emphasis");
        assertNull(MpegAudioHeader.parse(0xFE, 0xFB, 0x90, 0x64), "no sync");
    }
}
