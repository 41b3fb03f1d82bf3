package dev.bufferdeck.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jogg.Page;
import com.github.trilarion.sound.vorbis.jcraft.jogg.StreamState;
import com.github.trilarion.sound.vorbis.jcraft.jogg.SyncState;
import dev.bufferdeck.format.index.OggPageIndex;
import dev.bufferdeck.repository.MediaBuffer;

import java.util.Arrays;

/**
 * Packets of one logical Ogg stream, starting at any indexed page. Pages are copied one at a time
 * from the buffer into jogg's small working array. A packet continued from a page before the
 * start is dropped (jogg reports the hole; we skip it).
 */
final class OggPacketReader {
    private MediaBuffer buffer;
    private OggPageIndex index;
    private final CountingInputStream.ByteCounter counter;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private int nextPage;

    OggPacketReader(MediaBuffer buffer, OggPageIndex index, int startPage, CountingInputStream.ByteCounter counter) {
        this.buffer = buffer;
        this.index = index;
        this.counter = counter;
        this.nextPage = startPage;
        sync.init();
        stream.init(index.serial());
    }

    /** The next whole packet into {@code packet}; false when the stream has no more. */
    boolean next(Packet packet) {
        while (true) {
            int result = stream.packetout(packet);
            if (result == 1) return true;
            if (result < 0) continue;
            if (!feedPage()) return false;
        }
    }

    /**
     * Reads on in {@code longer}, a longer prefix of the same bytes, and its index, whose first pages
     * are this one's: a packet continued on a page that had not arrived is completed from it.
     */
    void continueOver(MediaBuffer longer, OggPageIndex longerIndex) {
        buffer = longer;
        index = longerIndex;
    }

    /** Index of the next page to be read. */
    int nextPage() { return nextPage; }

    private boolean feedPage() {
        while (nextPage < index.pageCount()) {
            int offset = index.pageOffset(nextPage);
            int length = index.pageLength(nextPage);
            nextPage++;
            int at = sync.buffer(length);
            buffer.copy(offset, sync.data, at, length);
            sync.wrote(length);
            counter.add(length);
            if (sync.pageout(page) == 1 && stream.pagein(page) == 0) return true;
        }
        return false;
    }

    /** A packet that owns its bytes: the reader reuses its page buffer for the next page. */
    static Packet copyOf(Packet p) {
        Packet copy = new Packet();
        copy.packet_base = Arrays.copyOfRange(p.packet_base, p.packet, p.packet + p.bytes);
        copy.packet = 0;
        copy.bytes = p.bytes;
        copy.b_o_s = p.b_o_s;
        copy.e_o_s = p.e_o_s;
        copy.granulepos = p.granulepos;
        copy.packetno = p.packetno;
        return copy;
    }
}
