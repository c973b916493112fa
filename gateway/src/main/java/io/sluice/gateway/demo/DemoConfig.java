package io.sluice.gateway.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The config that serves the demo data: the two DuckDB files as sources {@code warehouse} and {@code crm}, JDBC on
 * loopback, anonymous access. Like {@code examples/demo/sluice.yaml}, but with the paths of the actual data directory.
 */
public final class DemoConfig {

    /** The name of the config file written into the data directory. */
    public static final String FILE_NAME = "sluice.yaml";

    private DemoConfig() {}

    /** The config text for the data in {@code data} with JDBC on {@code port}. */
    public static String yaml(DemoData data, int port) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by `sluice demo` on every start; edit examples/demo/sluice.yaml instead.\n")
                .append("server:\n")
                .append("  jdbc: { host: 127.0.0.1, port: ")
                .append(port)
                .append(" }\n")
                .append("sources:\n");
        for (DemoDatabase database : DemoDatabase.values()) {
            // Absolute paths: the file stays valid from any working directory.
            yaml.append("  ")
                    .append(database.sourceName())
                    .append(": { type: duckdb, path: ")
                    .append(singleQuoted(
                            data.path(database).toAbsolutePath().normalize().toString()))
                    .append(" }\n");
        }
        return yaml.append("security:\n").append("  allow_anonymous: true\n").toString();
    }

    /** Writes {@link #yaml} to {@value #FILE_NAME} in the data directory and returns its path. */
    public static Path write(DemoData data, int port) throws IOException {
        Path file = data.directory().resolve(FILE_NAME);
        Files.createDirectories(data.directory());
        Files.writeString(file, yaml(data, port));
        return file;
    }

    // YAML single quotes take any character; only the quote itself is doubled.
    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
