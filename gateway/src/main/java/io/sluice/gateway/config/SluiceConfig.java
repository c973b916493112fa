package io.sluice.gateway.config;

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
 * @param baseDirectory the directory of the config file, against which relative paths in it are resolved
 */
public record SluiceConfig(
        ServerConfig server,
        Map<String, SourceConfig> sources,
        SecurityConfig security,
        Optional<Path> rulesDirectory,
        Path baseDirectory) {

    public SluiceConfig {
        Objects.requireNonNull(server, "server");
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sources, "sources")));
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }
}
