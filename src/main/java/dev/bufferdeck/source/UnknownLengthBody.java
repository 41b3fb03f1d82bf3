package dev.bufferdeck.source;

import dev.bufferdeck.repository.BudgetExceededException;
import dev.bufferdeck.repository.MediaRepository;
import dev.bufferdeck.repository.Reservation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a body of unknown length in chunks, each reserved before it is allocated, and assembles
 * them into one exact array at the end. Assembly needs the final array and the chunks alive at once,
 * so the final array is reserved too and each chunk is released as soon as it has been copied.
 */
final class UnknownLengthBody {
    private static final int FIRST_CHUNK = 64 * 1024;
    private static final int LARGEST_CHUNK = 8 * 1024 * 1024;

    private final Reservation reservation;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int fill;
    private long total;

    UnknownLengthBody(Reservation reservation) {
        this.reservation = reservation;
    }

    long size() { return total; }

    /** Room to read into: {@link #array()} from {@link #offset()}, {@link #room()} bytes. */
    void ensureRoom() throws BudgetExceededException {
        if (current != null && fill < current.length) return;
        if (total >= MediaRepository.MAX_BUFFER_SIZE) throw new TooLargeException();
        int size = current == null ? FIRST_CHUNK : Math.min(LARGEST_CHUNK, current.length * 2);
        size = (int) Math.min(size, MediaRepository.MAX_BUFFER_SIZE - total);
        reservation.grow(size);
        current = new byte[size];
        chunks.add(current);
        fill = 0;
    }

    byte[] array() { return current; }
    int offset() { return fill; }
    int room() { return current.length - fill; }

    void advance(int n) {
        fill += n;
        total += n;
    }

    /** The whole body in one array; the reservation then covers exactly its length. */
    byte[] assemble() throws BudgetExceededException {
        int size = (int) total;
        if (chunks.size() == 1 && current.length == size) {
            return current;
        }
        reservation.grow(size);
        byte[] whole = new byte[size];
        int at = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            int n = Math.min(chunk.length, size - at);
            System.arraycopy(chunk, 0, whole, at, n);
            at += n;
            chunks.set(i, null);
            reservation.shrink(chunk.length);
        }
        chunks.clear();
        current = null;
        return whole;
    }

    /** The body ran past the largest array the JVM can hold. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super(null, null, false, false);
        }
    }
}
