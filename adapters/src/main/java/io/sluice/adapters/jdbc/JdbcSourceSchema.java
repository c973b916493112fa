package io.sluice.adapters.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcBaseSchema;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top-level schema of a JDBC source: one sub-schema per schema of the database, listed lazily (the listing is
 * cached for a minute), never blocking start-up. Unwraps to the source's {@link DataSource}, which is how generated code reaches it.
 *
 * <p>Looking up a schema by name fails with the source's unavailability when it is down (so a query names the source
 * that failed), but listing schemas never fails: Calcite lists every schema of every source while preparing ANY query
 * (it gathers lattices), and one source being down must not fail queries on the others.
 */
final class JdbcSourceSchema extends JdbcBaseSchema implements Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceSchema.class);
    private static final Duration NAMES_TTL = Duration.ofMinutes(1);

    private final JdbcSource source;
    private final DataSource dataSource;
    private final JdbcConvention convention;
    private final Lookup<JdbcDatabaseSchema> subSchemas;
    private final Map<String, JdbcDatabaseSchema> schemas = new ConcurrentHashMap<>();
    private volatile CachedNames names = new CachedNames(Set.of(), 0);
    private volatile String catalogName;

    JdbcSourceSchema(JdbcSource source, DataSource dataSource, JdbcConvention convention) {
        this.source = source;
        this.dataSource = dataSource;
        this.convention = convention;
        this.subSchemas = new SchemaLookup();
    }

    /**
     * The schema called {@code name}, built without touching the network when the name was listed recently; an unlisted
     * name refreshes the listing, which fails with {@link io.sluice.adapters.spi.SourceUnavailableException} when the
     * source is down.
     */
    private JdbcDatabaseSchema findSchema(String name) {
        if (!schemaNames().contains(name)) {
            try {
                refreshSchemaNames();
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (!names.names().contains(name)) {
                return null;
            }
        }
        return schemas.computeIfAbsent(name, this::newSchema);
    }

    private JdbcDatabaseSchema newSchema(String schemaName) {
        JdbcSchema jdbcSchema =
                new JdbcSchema(dataSource, source.dialect().sqlDialect(), convention, catalog(), schemaName);
        return new JdbcDatabaseSchema(source, jdbcSchema);
    }

    /** All schema names, refreshed at most once a minute; the last known names (or none) while the source is down. */
    private Set<String> schemaNames() {
        CachedNames cached = names;
        if (System.nanoTime() - cached.loadedAtNanos() < NAMES_TTL.toNanos() && cached.loadedAtNanos() != 0) {
            return cached.names();
        }
        try {
            return refreshSchemaNames();
        } catch (SQLException e) {
            LOG.debug("Cannot list the schemas of source {}: {}", source.name(), e.getMessage());
            return cached.names();
        }
    }

    private Set<String> refreshSchemaNames() throws SQLException {
        Set<String> result = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            String catalog = source.dialect().catalog(connection);
            try (ResultSet schemas = connection.getMetaData().getSchemas(catalog, null)) {
                while (schemas.next()) {
                    String schemaName = schemas.getString("TABLE_SCHEM");
                    if (!source.dialect().isSystemSchema(schemaName)) {
                        result.add(schemaName);
                    }
                }
            }
            catalogName = catalog;
        }
        Set<String> loaded = Set.copyOf(result);
        names = new CachedNames(loaded, System.nanoTime());
        return loaded;
    }

    /** The JDBC catalog the schemas belong to, as found by the last listing. */
    private String catalog() {
        return catalogName;
    }

    @Override
    public Lookup<Table> tables() {
        return Lookup.empty();
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return subSchemas;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == DataSource.class) {
            return type.cast(dataSource);
        }
        return null;
    }

    private record CachedNames(Set<String> names, long loadedAtNanos) {}

    /** Exact names go straight to the database; other spellings are matched against the listed names. */
    private final class SchemaLookup implements Lookup<JdbcDatabaseSchema> {

        @Override
        public JdbcDatabaseSchema get(String name) {
            return findSchema(name);
        }

        @Override
        public Named<JdbcDatabaseSchema> getIgnoreCase(String name) {
            JdbcDatabaseSchema exact = findSchema(name);
            if (exact != null) {
                return new Named<>(name, exact);
            }
            for (String candidate : schemaNames()) {
                if (candidate.equalsIgnoreCase(name)) {
                    JdbcDatabaseSchema schema = findSchema(candidate);
                    return schema == null ? null : new Named<>(candidate, schema);
                }
            }
            return null;
        }

        @Override
        public Set<String> getNames(LikePattern pattern) {
            Predicate1<String> matcher = pattern.matcher();
            return schemaNames().stream().filter(matcher::apply).collect(Collectors.toSet());
        }
    }
}
