package io.sluice.quality.model;

import java.util.Map;
import java.util.Objects;

/**
 * Where a rule was written: its key path in the file ({@code rules[3]}) and the location of each of its keys and list
 * items ({@code min}, {@code values[2]}), so that problems found after loading (against the table's real columns) still
 * point at the exact spot.
 *
 * @param path the rule's key path, e.g. {@code rules[3]}
 * @param start where the rule's mapping begins
 * @param keys the location of each key's value, keyed by the path relative to the rule ({@code min}, {@code
 *     values[2]})
 */
public record RuleOrigin(String path, Location start, Map<String, Location> keys) {

    public RuleOrigin {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(start, "start");
        keys = Map.copyOf(keys);
    }

    /** A rule made in code, e.g. in tests or by an import without positions. */
    public static RuleOrigin of(String file, String path) {
        return new RuleOrigin(path, Location.ofFile(file), Map.of());
    }

    /** The location of {@code key}'s value, or the rule's start when the key was not written. */
    public Location locationOf(String key) {
        return keys.getOrDefault(key, start);
    }

    /** The full key path of {@code key}, e.g. {@code rules[3].min}. */
    public String pathOf(String key) {
        return key.isEmpty() ? path : path + "." + key;
    }
}
