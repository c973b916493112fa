package io.sluice.gateway.cli;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.SluiceConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by the commands that read {@code sluice.yaml}. */
final class ConfigOption {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "${env:SLUICE_CONFIG:-sluice.yaml}",
            description = "The config file (default: $SLUICE_CONFIG if set, else ./sluice.yaml).")
    Path file;

    /** Loads and validates the file; throws a {@code ConfigException} (exit code 3) listing every problem. */
    SluiceConfig load() {
        return new ConfigLoader().load(file);
    }
}
