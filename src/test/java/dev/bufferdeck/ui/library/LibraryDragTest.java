package dev.bufferdeck.ui.library;

import dev.bufferdeck.repository.FormatDetector;
import dev.bufferdeck.repository.MediaFormat;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Origin;
import dev.bufferdeck.ui.dnd.ClipboardReader;
import dev.bufferdeck.ui.dnd.InternalDrag;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drag out of the library offers a buffer's bytes as GTK's drag source sends them: the whole backing
 * array of a writable heap ByteBuffer, holding exactly the buffer's bytes; a buffer too large to copy
 * as a drag starts offers its ids (and files) only.
 */
class LibraryDragTest {
    private static final FormatDetector MP3 = (bytes, declared) -> new FormatDetector.Detection(MediaFormat.MP3, false, "");

    private static BufferRow row(byte[] bytes) {
        return new BufferRow(MediaRepository.unlisted(bytes, "song.mp3", new Origin.Dropped("", "test"), MP3));
    }

    @Test
    void aBufferIsOfferedAsAnArrayOfExactlyItsBytes() {
        byte[] bytes = new byte[3 << 20];
        new Random(7).nextBytes(bytes);
        BufferRow row = row(bytes);
        ClipboardContent content = LibraryView.dragContent(List.of(row));

        Object offered = content.get(ClipboardReader.format("audio/mpeg"));
        assertTrue(offered instanceof ByteBuffer, "bytes offered under audio/mpeg: " + offered);
        ByteBuffer buffer = (ByteBuffer) offered;
        // what GTK's drag source reads: ByteBuffer.array(), whole
        assertTrue(buffer.hasArray(), "a heap buffer that is not read-only");
        assertArrayEquals(bytes, buffer.array());
        assertEquals(Long.toString(row.buffer().id()), content.get(InternalDrag.BUFFERS));
    }

    @Test
    void aBufferTooLargeToCopyAsTheDragStartsOffersItsIdOnly() {
        BufferRow row = row(new byte[LibraryView.DRAG_BYTES_MAX + 1]);
        ClipboardContent content = LibraryView.dragContent(List.of(row));

        assertFalse(content.containsKey(ClipboardReader.format("audio/mpeg")));
        assertEquals(Long.toString(row.buffer().id()), content.get(InternalDrag.BUFFERS));
    }
}
