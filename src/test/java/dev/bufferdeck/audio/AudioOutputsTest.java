package dev.bufferdeck.audio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.SourceDataLine;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AudioOutputsTest {

    @Test
    void listsTheMemorySinkLastAndAtMostOneDefault() {
        List<AudioOutputs.Device> devices = AudioOutputs.list();
        AudioOutputs.Device last = devices.get(devices.size() - 1);
        assertTrue(last.memory());
        assertEquals("BufferDeck memory sink", last.name());
        assertTrue(devices.stream().filter(AudioOutputs.Device::isDefault).count() <= 1);
        assertTrue(devices.stream().filter(AudioOutputs.Device::isDefault).noneMatch(AudioOutputs.Device::memory));
    }

    @Test
    void defaultIsTheFirstRealDeviceOrTheMemorySinkWithANotice() throws Exception {
        List<AudioOutputs.Device> real = AudioOutputs.list().stream().filter(d -> !d.memory()).toList();
        AudioOutputs.Selection chosen = AudioOutputs.choose("default");
        if (real.isEmpty()) {
            assertTrue(chosen.output().isMemory());
            assertEquals("No audio device — playing into memory", chosen.notice());
        } else {
            assertEquals(real.get(0).name(), chosen.output().name());
            assertEquals("", chosen.notice());
        }
    }

    @Test
    void memoryChoosesTheSinkWithoutANotice() throws Exception {
        AudioOutputs.Selection chosen = AudioOutputs.choose("memory");
        assertTrue(chosen.output().isMemory());
        assertEquals("memory sink", chosen.output().name());
        assertEquals("", chosen.notice());
        SourceDataLine line = chosen.output().openLine(TestAudio.CD);
        try {
            assertTrue(line.isOpen());
            assertEquals(TestAudio.CD, line.getFormat());
        } finally {
            line.close();
        }
    }

    @Test
    void anUnknownNameIsAClearError() {
        OutputException e = assertThrows(OutputException.class, () -> AudioOutputs.choose("Nonexistent Card 9"));
        assertEquals("no audio output named \"Nonexistent Card 9\" (see: bufferdeck devices)", e.getMessage());
    }

    @Test
    void describesFormatsForPeople() {
        assertEquals("44100 Hz, 16-bit, stereo", AudioOutputs.describe(TestAudio.CD));
        assertEquals("48000 Hz, 24-bit, mono", AudioOutputs.describe(TestAudio.MONO_48K_24));
    }

    @Test
    void noCodeAsksJavaSoundForAnImplicitLine() throws Exception {
        // with the memory sink registered, AudioSystem's own choice can be the sink even where a card exists
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(main), "sources not found");
        try (var files = java.nio.file.Files.walk(main)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String code = java.nio.file.Files.readString(f);
                    return code.contains("AudioSystem.getSourceDataLine(") || code.contains("AudioSystem.getLine(")
                            || code.contains("AudioSystem.getClip(");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Object::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
