package io.sluice.gateway.quality.scan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs the statements of one rule through the engine (which pushes to the sources what they can run) and remembers
 * them for the report.
 */
final class RuleQueries {

    private final Connection connection;
    private final List<String> statements = new ArrayList<>();

    RuleQueries(Connection connection) {
        this.connection = connection;
    }

    /** The one row of an aggregate query. */
    List<@Nullable Object> one(String sql) throws SQLException {
        List<List<@Nullable Object>> rows = all(sql);
        if (rows.size() != 1) {
            throw new SQLException("Expected one row from the scan statement, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /**
     * The one row of an aggregate query as text, as the engine renders each value: exact for dates and timestamps,
     * which {@code getObject} would shift into the JVM's time zone.
     */
    List<@Nullable String> oneAsText(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = open(statement, sql)) {
            if (!rows.next()) {
                throw new SQLException("Expected one row from the scan statement, got none: " + sql);
            }
            List<@Nullable String> row = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.add(rows.getString(i));
            }
            return row;
        }
    }

    /** Every row of a query with a small result (samples, aggregates). */
    List<List<@Nullable Object>> all(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = open(statement, sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<List<@Nullable Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<@Nullable Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    /** Runs {@code sql} on {@code statement}, recorded; the caller reads (streams) and closes the result. */
    ResultSet open(Statement statement, String sql) throws SQLException {
        statements.add(sql);
        return statement.executeQuery(sql);
    }

    /** Records a statement a scan ran directly on source {@code source}, in its own SQL. */
    void ranAtSource(String source, String sql) {
        statements.add(source + ": " + sql);
    }

    Connection connection() {
        return connection;
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    /** A count read from an aggregate: SUM over no rows is NULL, which means 0 here. */
    static long count(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
