package io.sluice.adapters.jdbc.duckdb;

import io.sluice.adapters.spi.ConfigSection;
import io.sluice.adapters.spi.SourceAdapter;
import io.sluice.adapters.spi.SourceConfig;

/**
 * The {@code duckdb} source type. Config keys: {@code path} (a database file, relative to the config file's directory;
 * absent means an empty in-memory database), {@code read_only} (default true: Sluice only reads, and read-only files can be shared with other
 * processes).
 */
public final class DuckDbSourceAdapter implements SourceAdapter {

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public SourceConfig parse(ConfigSection section) {
        return new DuckDbSourceConfig(
                section.path("path"), section.bool("read_only").orElse(true));
    }
}
