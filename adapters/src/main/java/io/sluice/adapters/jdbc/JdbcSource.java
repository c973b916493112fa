package io.sluice.adapters.jdbc;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.sluice.adapters.spi.ArrowExport;
import io.sluice.adapters.spi.SortedKeys;
import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceCapabilities;
import io.sluice.adapters.spi.SourceContext;
import io.sluice.adapters.spi.SourceHealth;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.util.BuiltInMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database reached through JDBC. All its schemas share one {@link JdbcConvention}, so that a join of two tables of the
 * same database, even across its schemas, is sent to it as one statement.
 */
public final class JdbcSource implements Source, SourceCapabilities {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSource.class);
    private static final Duration STATISTICS_TTL = Duration.ofMinutes(5);

    private final String name;
    private final JdbcSourceDialect dialect;
    private final SourceDataSource dataSource;
    private final AutoCloseable resources;
    private final JdbcSourceSchema schema;
    private final LoadingCache<TableName, OptionalLong> rowCounts;
    private final LoadingCache<SchemaName, Map<String, String>> tableComments;
    private final Optional<ArrowExport> arrowExport;

    JdbcSource(
            String name,
            JdbcSourceDialect dialect,
            DataSource rawDataSource,
            AutoCloseable resources,
            SourceContext context) {
        this.name = name;
        this.dialect = dialect;
        this.dataSource = new SourceDataSource(name, rawDataSource, context.statementListener(), dialect);
        this.resources = resources;
        JdbcConvention convention = new SourceConvention(dialect.sqlDialect(), schemaExpression(name), name);
        this.schema = new JdbcSourceSchema(this, dataSource, convention);
        this.arrowExport = dialect.arrowExport(dataSource);
        this.rowCounts = Caffeine.newBuilder()
                .expireAfterWrite(STATISTICS_TTL)
                .maximumSize(10_000)
                .build(this::loadRowCount);
        this.tableComments = Caffeine.newBuilder()
                .expireAfterWrite(STATISTICS_TTL)
                .maximumSize(1_000)
                .build(this::loadTableComments);
    }

    /**
     * The expression by which generated code finds this source's data source at run time: {@code
     * root.getSubSchema(name)}, unwrapped to {@code DataSource} by Calcite's JDBC converter.
     */
    private static Expression schemaExpression(String name) {
        Expression root = Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
        return Expressions.call(root, BuiltInMethod.SCHEMA_GET_SUB_SCHEMA.method, Expressions.constant(name));
    }

    @Override
    public String name() {
        return name;
    }

    DataSource schemaDataSource() {
        return dataSource;
    }

    JdbcSourceDialect dialect() {
        return dialect;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public SourceHealth checkHealth() {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(5)) {
                return SourceHealth.down(since(start), "the connection did not answer a validity check");
            }
            return SourceHealth.up(since(start), countTables(connection));
        } catch (SQLException | RuntimeException e) {
            return SourceHealth.down(since(start), String.valueOf(e.getMessage()));
        }
    }

    private int countTables(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        int count = 0;
        try (ResultSet tables = metaData.getTables(
                dialect.catalog(connection), null, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
            while (tables.next()) {
                String schemaName = tables.getString("TABLE_SCHEM");
                if (schemaName == null || !dialect.isSystemSchema(schemaName)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public SourceCapabilities capabilities() {
        return this;
    }

    @Override
    public OptionalLong rowCount(String schemaName, String table) {
        return rowCounts.get(new TableName(schemaName, table));
    }

    @Override
    public List<String> primaryKey(String schemaName, String table) {
        try (Connection connection = dataSource.getConnection();
                ResultSet keys =
                        connection.getMetaData().getPrimaryKeys(dialect.catalog(connection), schemaName, table)) {
            SortedMap<Integer, String> columns = new TreeMap<>();
            while (keys.next()) {
                columns.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME"));
            }
            return List.copyOf(columns.values());
        } catch (SQLException e) {
            LOG.debug("No primary key for {}.{}.{}: {}", name, schemaName, table, e.getMessage());
            return List.of();
        }
    }

    /**
     * The comment on a table, from one listing per schema kept for a few minutes (a BI tool listing tables asks for
     * every table's).
     */
    Optional<String> tableComment(String catalog, String schemaName, String table) {
        return Optional.ofNullable(
                tableComments.get(new SchemaName(catalog, schemaName)).get(table));
    }

    private Map<String, String> loadTableComments(SchemaName schemaName) {
        try (Connection connection = dataSource.getConnection()) {
            return Map.copyOf(dialect.tableComments(connection, schemaName.catalog(), schemaName.schema()));
        } catch (SQLException | RuntimeException e) {
            // Comments are a nicety: a listing that fails shows none rather than failing the metadata call.
            LOG.debug("No table comments for {}.{}: {}", name, schemaName.schema(), e.getMessage());
            return Map.of();
        }
    }

    @Override
    public Optional<ArrowExport> arrowExport() {
        return arrowExport;
    }

    @Override
    public Optional<SortedKeys> sortedKeys() {
        return Optional.of(new JdbcSortedKeys(dataSource, dialect));
    }

    private OptionalLong loadRowCount(TableName table) {
        try (Connection connection = dataSource.getConnection()) {
            return dialect.estimatedRowCount(connection, table.schema(), table.table());
        } catch (SQLException | RuntimeException e) {
            LOG.debug("No row count for {}.{}.{}: {}", name, table.schema(), table.table(), e.getMessage());
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            LOG.warn("Closing source {} failed: {}", name, e.getMessage());
        }
    }

    private record TableName(String schema, String table) {}

    private record SchemaName(String catalog, String schema) {}
}
