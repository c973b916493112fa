package io.sluice.adapters.jdbc.duckdb;

import io.sluice.adapters.jdbc.JdbcSources;
import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.adapters.spi.SourceContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of a DuckDB source.
 *
 * @param path the database file, resolved against the config file's directory by the loader; empty for in-memory
 * @param readOnly open the file read-only (default true)
 */
public record DuckDbSourceConfig(Optional<Path> path, boolean readOnly) implements SourceConfig {

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public Source open(String name, SourceContext context) {
        DuckDbDataSource dataSource = new DuckDbDataSource(path, readOnly && path.isPresent());
        return JdbcSources.open(name, new DuckDbSourceDialect(), dataSource, dataSource, context);
    }
}
