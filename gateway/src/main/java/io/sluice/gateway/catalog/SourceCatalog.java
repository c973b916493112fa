package io.sluice.gateway.catalog;

import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.quality.CheckedSchemas;
import io.sluice.gateway.quality.RowRuleSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.schema.SchemaPlus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open sources, by name, in config order. Opening never contacts a source; a source that is down stays listed. */
public final class SourceCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceCatalog.class);

    private final Map<String, Source> sources;

    private SourceCatalog(Map<String, Source> sources) {
        this.sources = sources;
    }

    public static SourceCatalog open(Map<String, SourceConfig> configs, SourceContext context) {
        Map<String, Source> sources = new LinkedHashMap<>();
        configs.forEach((name, config) -> sources.put(name, config.open(name, context)));
        LOG.info("Opened {} source(s): {}", sources.size(), String.join(", ", sources.keySet()));
        return new SourceCatalog(java.util.Collections.unmodifiableMap(sources));
    }

    public Collection<Source> sources() {
        return sources.values();
    }

    /** The source named {@code name} in the config. */
    public Optional<Source> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Set<String> names() {
        return sources.keySet();
    }

    /** Adds every source as a sub-schema of a Calcite root schema, its tables checked against {@code rules}. */
    public void registerIn(SchemaPlus root, RowRuleSet rules) {
        sources.forEach((name, source) -> root.add(name, CheckedSchemas.checked(name, source.schema(), rules)));
    }

    @Override
    public void close() {
        sources.values().forEach(Source::close);
    }
}
