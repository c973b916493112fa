package io.sluice.gateway.config;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.adapters.spi.SourceConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole of a validated {@code sluice.yaml}; past {@link ConfigLoader} nothing else sees the file.
 *
 * @param server where the servers listen; defaults to {@link ServerConfig#defaults()}
 * @param sources each source's validated settings by name (its catalog name), in file order; default none
 * @param security who may connect; defaults to {@link SecurityConfig#defaults()}
 * @param rulesDirectory the directory of quality rule files ({@code rules:}), resolved against {@code baseDirectory};
 *     default none
 * @param qualityStore the database of the quality results store ({@code quality.store:}, a section like a source's);
 *     default {@link #defaultQualityStore a DuckDB file} next to the config file
 * @param baseDirectory the directory of the config file, against which relative paths in it are resolved
 */
public record SluiceConfig(
        ServerConfig server,
        Map<String, SourceConfig> sources,
        SecurityConfig security,
        Optional<Path> rulesDirectory,
        SourceConfig qualityStore,
        Path baseDirectory) {

    public SluiceConfig {
        Objects.requireNonNull(server, "server");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sources, "sources")));
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        Objects.requireNonNull(qualityStore, "qualityStore");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /** The file name of the default quality results store, in the config file's directory. */
    public static final String DEFAULT_QUALITY_STORE_FILE = "sluice-quality.duckdb";

    /** The default quality results store: an embedded DuckDB file in {@code directory}, opened for writing. */
    public static SourceConfig defaultQualityStore(Path directory) {
        return new DuckDbSourceConfig(Optional.of(directory.resolve(DEFAULT_QUALITY_STORE_FILE)), false);
    }
}
