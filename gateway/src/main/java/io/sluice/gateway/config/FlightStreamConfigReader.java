package io.sluice.gateway.config;

import io.sluice.adapters.spi.ConfigSection;

/** Reads the batch and memory keys of {@code server.flight} into a {@link FlightStreamConfig}. */
final class FlightStreamConfigReader {

    private FlightStreamConfigReader() {}

    /** The batch sizes and memory limits of {@code server.flight}; defaults where a key is absent or wrong. */
    static FlightStreamConfig read(ConfigSection flight) {
        FlightStreamConfig defaults = FlightStreamConfig.defaults();
        long batchBytes = flight.size("batch_size").orElse(defaults.batchBytes());
        if (batchBytes < FlightStreamConfig.MIN_BATCH_BYTES) {
            flight.error("batch_size", "a size of at least 64KiB", DataSizes.format(batchBytes));
            batchBytes = defaults.batchBytes();
        }
        int batchRows = flight.integer("batch_rows").orElse(defaults.batchRows());
        if (batchRows < 1 || batchRows > FlightStreamConfig.MAX_BATCH_ROWS) {
            flight.error(
                    "batch_rows",
                    "a number of rows from 1 to " + FlightStreamConfig.MAX_BATCH_ROWS,
                    String.valueOf(batchRows));
            batchRows = defaults.batchRows();
        }
        long perQuery = flight.size("memory_per_query").orElse(defaults.memoryPerQuery());
        if (perQuery < 4 * batchBytes) {
            // A batch's buffers grow by doubling, and the row that crosses the budget is still written.
            flight.error(
                    "memory_per_query",
                    "at least 4 times server.flight.batch_size (" + DataSizes.format(4 * batchBytes) + ")",
                    DataSizes.format(perQuery));
            perQuery = 4 * batchBytes;
        }
        long limit = flight.size("memory_limit").orElse(Math.max(defaults.memoryLimit(), perQuery));
        if (limit < perQuery) {
            flight.error(
                    "memory_limit",
                    "at least server.flight.memory_per_query (" + DataSizes.format(perQuery) + ")",
                    DataSizes.format(limit));
            limit = perQuery;
        }
        return new FlightStreamConfig(batchBytes, batchRows, perQuery, limit);
    }
}
