package io.sluice.quality.model;

import java.time.Duration;
import java.util.List;

/**
 * {@code freshness}: the newest value of {@code column} (a DATE or TIMESTAMP) is at most {@code maxAge} old when the
 * scan runs; an empty table is stale.
 */
public record FreshnessRule(RuleMetadata metadata, String column, Duration maxAge) implements DatasetRule {

    @Override
    public Check check() {
        return Check.FRESHNESS;
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }
}
