package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePathsTest {

    @TempDir
    Path dir;

    @Test
    void load_relativeDuckDbPath_resolvesAgainstTheConfigFilesDirectory() throws Exception {
        Path config = dir.resolve("conf/sluice.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "sources:\n  wh:\n    type: duckdb\n    path: ../data/wh.duckdb\n");

        SluiceConfig loaded = new ConfigLoader(Map.<String, String>of()::get).load(config);

        DuckDbSourceConfig duckdb = (DuckDbSourceConfig) loaded.sources().get("wh");
        assertThat(duckdb.path())
                .contains(dir.resolve("data/wh.duckdb").toAbsolutePath().normalize());
    }
}
