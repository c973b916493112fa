package io.sluice.gateway.config;

import java.util.Objects;

/**
 * One problem found in a config file, located at a 1-based line and column; {@link #toString()} gives the form users
 * see: {@code sluice.yaml:14:5: sources.shop.url: expected …, got …}.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line, or 0 when the problem concerns the file as a whole (e.g. it cannot be read)
 * @param column 1-based column, or 0 together with {@code line}
 * @param keyPath dotted path of the key, e.g. {@code sources.shop.url}; empty for syntax errors
 * @param message what is wrong and what was expected; never contains a secret
 */
public record ConfigProblem(String file, int line, int column, String keyPath, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!keyPath.isEmpty()) {
            text.append(keyPath).append(": ");
        }
        return text.append(message).toString();
    }
}
