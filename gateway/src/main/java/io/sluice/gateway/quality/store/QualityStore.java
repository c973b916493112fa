package io.sluice.gateway.quality.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.quality.CheckOutcome;
import io.sluice.gateway.quality.QueryQuality;
import io.sluice.gateway.quality.scan.RuleResult;
import io.sluice.gateway.quality.scan.ScanReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality results store: one table of outcomes (a row per query, checked table and rule) and one of quarantined
 * rows, in the schema {@value #SCHEMA} of a database opened through a source adapter. Writes are synchronous: when a
 * scan's gate reports, its outcome and the rows it quarantined are committed before the query's last rows reach the
 * client, so a client can read them back at once and a gateway restart loses nothing.
 *
 * <p>Times are stored in UTC, without a zone.
 */
public final class QualityStore implements QueryQuality.QualityListener, AutoCloseable {

    /** The schema, in the store's database, of the store's tables. */
    public static final String SCHEMA = "sluice_quality";

    /** The tables the store keeps, as named in SQL under {@code sluice.}. */
    public static final Set<String> TABLES = Set.of("quality_results", "quarantine");

    /** The name the store's database has as a source; the same as the system schema, where its tables appear. */
    private static final String SOURCE_NAME = "sluice";

    private static final Logger LOG = LoggerFactory.getLogger(QualityStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CREATE_SCHEMA = "CREATE SCHEMA IF NOT EXISTS " + SCHEMA;
    private static final String CREATE_RESULTS = "CREATE TABLE IF NOT EXISTS " + SCHEMA + ".quality_results ("
            + "query_id VARCHAR(64) NOT NULL, user_name VARCHAR(256) NOT NULL, checked_at TIMESTAMP NOT NULL,"
            + " origin VARCHAR(16) NOT NULL, table_name VARCHAR(512) NOT NULL, rule_name VARCHAR(256) NOT NULL,"
            + " column_name VARCHAR(256), action VARCHAR(16) NOT NULL, rows_checked BIGINT NOT NULL,"
            + " violations BIGINT NOT NULL, samples VARCHAR(4000) NOT NULL, duration_us BIGINT NOT NULL,"
            + " status VARCHAR(8), detail VARCHAR(4000))";
    // Stores created before scans existed lack the columns only scans fill.
    private static final List<String> ADD_SCAN_COLUMNS = List.of(
            "ALTER TABLE " + SCHEMA + ".quality_results ADD COLUMN IF NOT EXISTS status VARCHAR(8)",
            "ALTER TABLE " + SCHEMA + ".quality_results ADD COLUMN IF NOT EXISTS detail VARCHAR(4000)");
    private static final String CREATE_QUARANTINE = "CREATE TABLE IF NOT EXISTS " + SCHEMA + ".quarantine ("
            + "query_id VARCHAR(64) NOT NULL, user_name VARCHAR(256) NOT NULL, quarantined_at TIMESTAMP NOT NULL,"
            + " table_name VARCHAR(512) NOT NULL, rule_name VARCHAR(256) NOT NULL, row_json VARCHAR NOT NULL)";
    private static final String INSERT_RESULT = "INSERT INTO " + SCHEMA + ".quality_results (query_id, user_name,"
            + " checked_at, origin, table_name, rule_name, column_name, action, rows_checked, violations, samples,"
            + " duration_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SCAN_RESULT = "INSERT INTO " + SCHEMA + ".quality_results (query_id,"
            + " user_name, checked_at, origin, table_name, rule_name, column_name, action, rows_checked, violations,"
            + " samples, duration_us, status, detail) VALUES (?, ?, ?, 'scan', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_QUARANTINE = "INSERT INTO " + SCHEMA + ".quarantine (query_id, user_name,"
            + " quarantined_at, table_name, rule_name, row_json) VALUES (?, ?, ?, ?, ?, ?)";

    private final Source source;
    private final DataSource dataSource;
    private final Clock clock;

    private QualityStore(Source source, DataSource dataSource, Clock clock) {
        this.source = source;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Opens the store's database and creates its tables where missing. */
    public static QualityStore open(SourceConfig config, SourceContext context, Clock clock) {
        Source source = config.open(SOURCE_NAME, context);
        try {
            DataSource dataSource = source.schema() instanceof org.apache.calcite.schema.Wrapper wrapper
                    ? wrapper.unwrap(DataSource.class)
                    : null;
            if (dataSource == null) {
                throw new SluiceException(
                        ErrorCode.CONFIG_INVALID,
                        "quality.store: a " + config.type() + " database cannot hold the quality results store;"
                                + " use duckdb or postgresql");
            }
            QualityStore store = new QualityStore(source, dataSource, clock);
            store.createTables(config);
            return store;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private void createTables(SourceConfig config) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(CREATE_SCHEMA);
            statement.execute(CREATE_RESULTS);
            for (String addColumn : ADD_SCAN_COLUMNS) {
                statement.execute(addColumn);
            }
            statement.execute(CREATE_QUARANTINE);
        } catch (SQLException e) {
            throw new SluiceException(
                    ErrorCode.CONFIG_INVALID,
                    "quality.store: cannot create the quality results tables in the " + config.type()
                            + " database: " + e.getMessage() + ". The store needs a writable database (for duckdb,"
                            + " read_only: false).",
                    e);
        }
    }

    /** The store's tables, to be listed under the {@code sluice} system schema; queries on them run in the store. */
    public @Nullable Table table(String name) {
        if (!TABLES.contains(name)) {
            return null;
        }
        Schema schema = source.schema().subSchemas().get(SCHEMA);
        return schema == null ? null : schema.tables().get(name);
    }

    /** The Calcite schema of the store's database, which generated code unwraps to reach its data source. */
    public Schema schema() {
        return source.schema();
    }

    @Override
    public void checked(QueryQuality query, List<CheckOutcome> outcomes) {
        LocalDateTime now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_RESULT)) {
            connection.setAutoCommit(true);
            for (CheckOutcome outcome : outcomes) {
                insert.setString(1, query.queryId());
                insert.setString(2, query.user());
                insert.setObject(3, now);
                insert.setString(4, "query");
                insert.setString(5, outcome.table());
                insert.setString(6, outcome.rule());
                insert.setString(7, outcome.column());
                insert.setString(8, outcome.action().name().toLowerCase(Locale.ROOT));
                insert.setLong(9, outcome.rowsChecked());
                insert.setLong(10, outcome.violations());
                insert.setString(11, JSON.writeValueAsString(outcome.samples()));
                insert.setLong(12, outcome.duration().toNanos() / 1000);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "Could not record the quality outcome of query " + query.queryId() + " in the results store: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Records a scan: one row per rule with origin {@code scan}, the scan id as {@code query_id}, its start as {@code
     * checked_at}, and the rule's {@code status} and {@code detail}.
     */
    public void scanned(ScanReport report) {
        LocalDateTime startedAt = LocalDateTime.ofInstant(report.startedAt(), ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_SCAN_RESULT)) {
            connection.setAutoCommit(true);
            for (RuleResult result : report.results()) {
                insert.setString(1, report.scanId());
                insert.setString(2, report.user());
                insert.setObject(3, startedAt);
                insert.setString(4, result.table().toString());
                insert.setString(5, result.rule());
                insert.setString(6, result.column());
                insert.setString(7, result.action().yamlName());
                insert.setLong(8, result.rowsChecked());
                insert.setLong(9, result.violations());
                insert.setString(10, JSON.writeValueAsString(result.samples()));
                insert.setLong(11, result.duration().toNanos() / 1000);
                insert.setString(12, result.status().label());
                insert.setString(13, truncate(result.detail(), 4000));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "Could not record scan " + report.scanId() + " in the results store: " + e.getMessage(),
                    e);
        }
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    @Override
    public void quarantined(
            QueryQuality query, String table, List<String> fields, List<QueryQuality.QuarantinedRow> rows) {
        LocalDateTime now = now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_QUARANTINE)) {
            connection.setAutoCommit(false);
            for (QueryQuality.QuarantinedRow row : rows) {
                insert.setString(1, query.queryId());
                insert.setString(2, query.user());
                insert.setObject(3, now);
                insert.setString(4, table);
                insert.setString(5, row.rule());
                insert.setString(6, rowJson(fields, row.values()));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | JsonProcessingException e) {
            // The rows are already out of the result: failing the query is the only way not to lose them silently.
            throw new SluiceException(
                    ErrorCode.INTERNAL_ERROR,
                    "Could not write " + rows.size() + " row(s) of " + table + " removed by quarantine rules to the"
                            + " results store: " + e.getMessage() + ". The query stopped so that no row is lost.",
                    e);
        }
    }

    private static String rowJson(List<String> fields, @Nullable Object[] row) throws JsonProcessingException {
        ObjectNode json = JSON.createObjectNode();
        List<Object> values = row == null ? List.of() : new ArrayList<>(java.util.Arrays.asList(row));
        for (int i = 0; i < fields.size() && i < values.size(); i++) {
            json.putPOJO(fields.get(i), values.get(i));
        }
        return JSON.writeValueAsString(json);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Override
    public void close() {
        source.close();
        LOG.debug("Closed the quality results store");
    }
}
