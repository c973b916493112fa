package io.sluice.gateway.config;

import io.sluice.adapters.spi.SourceAdapter;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.quality.parser.Suggestions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads the {@code sources:} section, handing each source to the adapter its {@code type:} names. */
final class SourceConfigReader {

    /** The catalog name of Sluice's own system tables, so no source may take it. */
    static final String RESERVED_NAME = "sluice";

    // Source names become catalog names, which SQL folds to lower case when unquoted.
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Map<String, SourceAdapter> adapters = new TreeMap<>();

    SourceConfigReader(Collection<SourceAdapter> adapters) {
        for (SourceAdapter adapter : adapters) {
            SourceAdapter clash = this.adapters.putIfAbsent(adapter.type(), adapter);
            if (clash != null) {
                throw new SluiceException(
                        ErrorCode.INTERNAL_ERROR,
                        "Two source adapters claim type \"" + adapter.type() + "\": "
                                + clash.getClass().getName() + " and "
                                + adapter.getClass().getName());
            }
        }
    }

    /** The sources by name, in file order; problems are recorded in the sections. */
    Map<String, SourceConfig> read(YamlConfigSection root) {
        Map<String, SourceConfig> sources = new LinkedHashMap<>();
        root.child("sources").ifPresent(section -> {
            for (String name : section.keys()) {
                checkName(section, name);
                section.requiredChild(name, "a mapping with a type: key")
                        .flatMap(this::parse)
                        .ifPresent(config -> sources.put(name, config));
            }
        });
        return sources;
    }

    private static void checkName(YamlConfigSection sources, String name) {
        if (name.equals(RESERVED_NAME)) {
            sources.errorAtKey(
                    name,
                    "expected a source name other than \"" + RESERVED_NAME
                            + "\", which is reserved for system tables, got \"" + RESERVED_NAME + "\"");
        } else if (!NAME.matcher(name).matches()) {
            sources.errorAtKey(
                    name,
                    "expected a source name of lower-case letters, digits and _, not starting with a digit"
                            + " (it becomes the catalog name), got " + YamlConfigSection.quote(name));
        }
    }

    /** The quality results store's database ({@code quality.store:}), read like a source. */
    Optional<SourceConfig> readStore(YamlConfigSection section) {
        return parse(section);
    }

    private Optional<SourceConfig> parse(YamlConfigSection section) {
        Optional<String> type = section.requiredString("type", "a source type (" + knownTypes() + ")");
        Optional<SourceAdapter> adapter = type.flatMap(value -> adapter(section, value));
        if (adapter.isEmpty()) {
            // Without an adapter nobody knows which keys are valid; reporting them all as unknown would only add noise.
            section.skipUnknownKeyCheck();
            return Optional.empty();
        }
        SourceConfig config = adapter.get().parse(section);
        if (config == null) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "Source adapter " + adapter.get().getClass().getName() + " returned no config for "
                            + section.path());
        }
        return Optional.of(config);
    }

    private Optional<SourceAdapter> adapter(YamlConfigSection section, String type) {
        SourceAdapter adapter = adapters.get(type);
        if (adapter == null) {
            section.error(
                    "type",
                    adapters.isEmpty() ? "a source type, but no source adapters are installed" : knownTypes(),
                    YamlConfigSection.quote(type)
                            + Suggestions.closest(type, adapters.keySet())
                                    .map(suggestion -> "; did you mean \"" + suggestion + "\"?")
                                    .orElse(""));
        }
        return Optional.ofNullable(adapter);
    }

    private String knownTypes() {
        return adapters.isEmpty()
                ? "none are installed"
                : "one of the source types " + String.join(", ", adapters.keySet());
    }
}
