package io.sluice.adapters.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The result of probing a source.
 *
 * @param available whether the source answered
 * @param latency how long the probe took
 * @param tableCount number of tables the source exposes, when it answered
 * @param problem what went wrong, phrased for a user, when it did not answer
 */
public record SourceHealth(
        boolean available, Duration latency, Optional<Integer> tableCount, Optional<String> problem) {

    public static SourceHealth up(Duration latency, int tableCount) {
        return new SourceHealth(true, latency, Optional.of(tableCount), Optional.empty());
    }

    public static SourceHealth down(Duration latency, String problem) {
        return new SourceHealth(false, latency, Optional.empty(), Optional.of(problem));
    }
}
