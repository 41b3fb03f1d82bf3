package dev.bufferdeck.bench;

import dev.bufferdeck.ui.dnd.DroppedItems;
import dev.bufferdeck.ui.library.ReferenceFactsReader;
import dev.bufferdeck.ui.playlist.PlaylistActions;
import dev.bufferdeck.ui.playlist.PlaylistModel;
import dev.bufferdeck.ui.playlist.PlaylistRow;
import dev.bufferdeck.ui.playlist.PlaylistWindow;
import dev.bufferdeck.ui.playlist.ReferenceFactsQueue;
import javafx.application.Platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Importing N file references (what a playlist import, a dropped folder or a restored session does):
 * the time to put them into the playlist model alone, then into the playlist window shown headless
 * (Monocle) until it has laid out its rows (usable), then until every row has its length and title
 * read in the background. The files are small generated WAVs. Asserts nothing.
 * Usage: ReferencesBench FOLDER N
 */
public final class ReferencesBench {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        List<String> locations = new ArrayList<>(n);
        byte[] wav = smallWav();
        for (int i = 0; i < n; i++) {
            Path p = folder.resolve("track" + i + ".wav");
            Files.write(p, wav);
            locations.add(p.toString());
        }
        for (int run = 0; run < 3; run++) {
            PlaylistModel model = new PlaylistModel();
            long t0 = System.nanoTime();
            List<PlaylistRow> rows = model.insertReferences(0, locations);
            System.out.printf("references: %,d entries into the playlist model in %d ms (run %d)%n",
                    rows.size(), (System.nanoTime() - t0) / 1_000_000, run + 1);
        }

        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        for (int run = 0; run < 2; run++) {
            CompletableFuture<long[]> usable = new CompletableFuture<>();
            PlaylistModel[] model = new PlaylistModel[1];
            Platform.runLater(() -> {
                model[0] = new PlaylistModel();
                new ReferenceFactsQueue(model[0], new ReferenceFactsReader()::read);
                PlaylistWindow window = new PlaylistWindow(model[0], NOTHING);
                window.show();
                long t0 = System.nanoTime();
                model[0].insertReferences(0, locations);
                window.scene().getRoot().applyCss();
                window.scene().getRoot().layout();
                long laidOut = System.nanoTime();
                Platform.runLater(() -> usable.complete(new long[] {t0, laidOut, System.nanoTime()}));
            });
            long[] t = usable.get();
            System.out.printf("references: %,d entries into the playlist window, laid out in %d ms, next FX turn at %d ms (run %d)%n",
                    n, (t[1] - t[0]) / 1_000_000, (t[2] - t[0]) / 1_000_000, run + 1);
            while (true) {
                CompletableFuture<Long> left = new CompletableFuture<>();
                Platform.runLater(() -> left.complete(model[0].entries().stream().filter(r -> r.durationMillis() < 0).count()));
                if (left.get() == 0) break;
                Thread.sleep(50);
            }
            System.out.printf("references: every length and title read after %d ms%n", (System.nanoTime() - t[0]) / 1_000_000);
        }
        Platform.exit();
    }

    /** 0.1 s of 8 kHz 16-bit mono silence. */
    private static byte[] smallWav() {
        int data = 1600;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }

    private static final PlaylistActions NOTHING = new PlaylistActions() {
        @Override public void play(PlaylistRow entry) {}
        @Override public void dropAt(DroppedItems items, int index) {}
        @Override public void insertBuffers(List<Long> bufferIds, int index) {}
        @Override public void retry(PlaylistRow entry) {}
        @Override public void importPlaylist() {}
        @Override public void exportPlaylist() {}
    };
}
