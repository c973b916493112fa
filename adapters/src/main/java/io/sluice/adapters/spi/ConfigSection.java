package io.sluice.adapters.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One mapping of {@code sluice.yaml} (e.g. {@code sources.shop}) as an adapter sees it: typed reads that remember the
 * position of every key, so that every problem can be reported as {@code file:line:col: key.path: expected …, got …}.
 *
 * <p>Reads never throw. A missing required key, a value of the wrong type or an unresolved {@code ${env:NAME}} is
 * recorded as an error and the read returns an empty result; the loader reports all errors together. Every key read is
 * remembered, so that keys nobody read can be reported as unknown (with a "did you mean").
 */
public interface ConfigSection {

    /** Dotted path of this section from the document root, e.g. {@code "sources.shop"}. */
    String path();

    /** The keys present in this section, in file order. */
    Set<String> keys();

    /** An optional string (numbers and booleans are not strings). {@code ${env:NAME}} is resolved. */
    Optional<String> string(String key);

    /** A file system path; a relative one is resolved against the directory of the config file. */
    Optional<Path> path(String key);

    /** A required string; records "expected &lt;what&gt;, got nothing" when absent. */
    Optional<String> requiredString(String key, String what);

    /**
     * A secret such as a password: like {@link #string}, but its value never appears in any message, and it should come
     * from {@code ${env:NAME}}.
     */
    Optional<Secret> secret(String key);

    OptionalInt integer(String key);

    Optional<Boolean> bool(String key);

    /** A duration in the short syntax {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    Optional<Duration> duration(String key);

    /** A size in bytes, in the short syntax {@code 4096B}, {@code 512KiB}, {@code 4MiB}, {@code 2GiB}, {@code 1TiB}. */
    Optional<Long> size(String key);

    /** A list of strings. */
    Optional<List<String>> strings(String key);

    /** A nested mapping. */
    Optional<ConfigSection> section(String key);

    /**
     * Records a problem with the value of {@code key} (or with the section itself when {@code key} is null), located at
     * that key: {@code expected} says what would be right, {@code got} what was found (never a secret).
     */
    void error(String key, String expected, String got);
}
