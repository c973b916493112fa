package io.sluice.gateway.config;

/**
 * How the Arrow Flight SQL server sizes record batches and bounds the Arrow memory of its streams.
 *
 * <p>A record batch is sent when it holds {@code batchBytes} of Arrow buffers or {@code batchRows} rows, whichever comes
 * first, so that wide rows never build huge batches and narrow rows are not sent a few thousand at a time. Every query
 * allocates its batches from an allocator of its own limited to {@code memoryPerQuery}; all Flight streams together
 * are limited to {@code memoryLimit}. A query that needs more ends with {@code RESOURCE_EXHAUSTED} naming the limit to
 * raise; other queries go on.
 *
 * @param batchBytes bytes of Arrow buffers per record batch (key {@code batch_size}); default 2MiB (under gRPC's 4 MB
 *     message limit), at least 64KiB
 * @param batchRows rows per record batch at most (key {@code batch_rows}); default {@value #DEFAULT_BATCH_ROWS}, from 1 to
 *     1048576
 * @param memoryPerQuery Arrow memory one query may hold (key {@code memory_per_query}); default 256MiB, at least four
 *     times {@code batchBytes} (a batch's buffers grow by doubling, and the last row may cross the budget)
 * @param memoryLimit Arrow memory all Flight streams together may hold (key {@code memory_limit}); default 2GiB, at least
 *     {@code memoryPerQuery}
 */
public record FlightStreamConfig(long batchBytes, int batchRows, long memoryPerQuery, long memoryLimit) {

    // Under gRPC's recommended (and grpc-go's default) 4 MB message limit even when the last row overshoots; arrow-rs
    // targets 2 MB per message too.
    public static final long DEFAULT_BATCH_BYTES = 2L << 20;
    public static final int DEFAULT_BATCH_ROWS = 65_536;
    public static final long DEFAULT_MEMORY_PER_QUERY = 256L << 20;
    public static final long DEFAULT_MEMORY_LIMIT = 2L << 30;
    public static final long MIN_BATCH_BYTES = 64L << 10;
    public static final int MAX_BATCH_ROWS = 1 << 20;

    public FlightStreamConfig {
        if (batchBytes < MIN_BATCH_BYTES || batchRows < 1 || batchRows > MAX_BATCH_ROWS) {
            throw new IllegalArgumentException("batch size out of range: " + batchBytes + " bytes, " + batchRows);
        }
        if (memoryPerQuery < 4 * batchBytes || memoryLimit < memoryPerQuery) {
            throw new IllegalArgumentException("memory limits out of range: " + memoryPerQuery + ", " + memoryLimit);
        }
    }

    /** The settings used when {@code sluice.yaml} says nothing about them. */
    public static FlightStreamConfig defaults() {
        return new FlightStreamConfig(
                DEFAULT_BATCH_BYTES, DEFAULT_BATCH_ROWS, DEFAULT_MEMORY_PER_QUERY, DEFAULT_MEMORY_LIMIT);
    }
}
