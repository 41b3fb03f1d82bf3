package dev.bufferdeck.audio;

import dev.bufferdeck.audio.sink.PcmConsumer;

import java.nio.charset.StandardCharsets;
import javax.sound.sampled.AudioFormat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes PCM as it arrives into a WAV file the user asked for; the header's sizes are filled in on
 * {@link #close()}. Integer PCM, little-endian, as the decoders produce it.
 */
public final class WavWriter implements PcmConsumer, Closeable {
    private static final int HEADER = 44;

    private final FileChannel channel;
    private final AudioFormat format;
    private long dataBytes;

    private WavWriter(FileChannel channel, AudioFormat format) {
        this.channel = channel;
        this.format = format;
    }

    public static WavWriter create(Path file, AudioFormat format) throws IOException {
        boolean pcm = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                || (format.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED) && format.getSampleSizeInBits() == 8);
        if (!pcm || (format.isBigEndian() && format.getSampleSizeInBits() > 8)) {
            throw new IOException("cannot write " + format + " as WAV");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        WavWriter writer = new WavWriter(channel, format);
        writer.writeHeader();
        channel.position(HEADER);
        return writer;
    }

    public AudioFormat format() { return format; }

    @Override
    public synchronized void accept(byte[] pcm, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(pcm, offset, length);
        while (b.hasRemaining()) channel.write(b);
        dataBytes += length;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!channel.isOpen()) return;
        try {
            writeHeader();
        } finally {
            channel.close();
        }
    }

    private void writeHeader() throws IOException {
        int channels = format.getChannels();
        int bits = format.getSampleSizeInBits();
        int rate = Math.round(format.getSampleRate());
        int blockAlign = format.getFrameSize();
        long data = Math.min(dataBytes, 0xFFFF_FFFFL - 36);
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + data));
        h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * blockAlign);
        h.putShort((short) blockAlign).putShort((short) bits);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        h.flip();
        long at = 0;
        while (h.hasRemaining()) at += channel.write(h, at);
    }
}
