package io.sluice.benchmarks;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the gateway's heap from its unified GC log ({@code -Xlog:gc}). Each collection logs the heap before and after
 * it ({@code Pause Young (Normal) (G1 Evacuation Pause) 51M->3M(1024M)}): the largest "before" is the most the heap
 * held, the largest "after" is the most that stayed live. Unlike sampling with jcmd or JMX, the log misses no peak and
 * adds nothing to the measured process (no agent, no forced collections). Sizes are logged rounded to whole units (M).
 */
final class GcLog {

    private static final Pattern HEAP_CHANGE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The current end of the log: pass it to {@link #peakSince} to look only at what happened after now. */
    long mark() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The peaks of the heap over the collections logged after {@code mark}. */
    HeapPeak peakSince(long mark) throws IOException {
        if (!Files.exists(file)) {
            return new HeapPeak(0, 0, 0);
        }
        String text;
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            log.seek(mark);
            byte[] bytes = new byte[(int) (log.length() - mark)];
            log.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        long before = 0;
        long after = 0;
        int collections = 0;
        Matcher matcher = HEAP_CHANGE.matcher(text);
        while (matcher.find()) {
            before = Math.max(before, bytes(matcher.group(1), matcher.group(2)));
            after = Math.max(after, bytes(matcher.group(3), matcher.group(4)));
            collections++;
        }
        return new HeapPeak(before, after, collections);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }

    /**
     * @param maxBeforeCollection the most the heap held (garbage included), in bytes
     * @param maxAfterCollection the most that was still live after a collection, in bytes
     * @param collections how many collections the log showed
     */
    record HeapPeak(long maxBeforeCollection, long maxAfterCollection, int collections) {}
}
