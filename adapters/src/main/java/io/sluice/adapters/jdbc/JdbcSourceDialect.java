package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.ArrowExport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDialect;

/**
 * What differs between databases reached through JDBC: the SQL dialect, the driver settings that make reads stream, where
 * statistics live, and type quirks. One subclass per database, in its own package.
 */
public abstract class JdbcSourceDialect {

    /** The dialect Calcite uses to write SQL for this database. */
    public abstract SqlDialect sqlDialect();

    /** The prefix a JDBC URL for this database starts with, e.g. {@code "jdbc:postgresql:"}. */
    public abstract String urlPrefix();

    /**
     * Driver properties that make the driver stream results in chunks of {@code fetchSize} rows instead of buffering the
     * whole result in memory (Calcite's JDBC adapter never sets a fetch size itself).
     */
    public abstract Map<String, String> streamingProperties(int fetchSize);

    /** Whether the driver streams only outside auto-commit (pgjdbc uses a cursor only inside a transaction). */
    public boolean streamsOnlyInTransaction() {
        return false;
    }

    /**
     * The JDBC catalog whose schemas this source exposes, or null for "the connection's database" (where the driver
     * lists only the current database's schemas anyway).
     */
    public String catalog(Connection connection) throws SQLException {
        return null;
    }

    /** Schemas that hold the database's own catalog, hidden from users. */
    public abstract boolean isSystemSchema(String schemaName);

    /**
     * The database's estimate of the number of rows of a table, cheap to ask for (never a {@code count(*)}), or empty
     * when it keeps none.
     */
    public abstract OptionalLong estimatedRowCount(Connection connection, String schema, String table)
            throws SQLException;

    /**
     * The comments the database keeps on the tables of one schema ({@code REMARKS}), by table name; tables without one
     * are left out. By default what the driver's {@code getTables} reports.
     */
    public Map<String, String> tableComments(Connection connection, String catalog, String schema) throws SQLException {
        Map<String, String> comments = new HashMap<>();
        try (ResultSet rs = connection.getMetaData().getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                // Names are LIKE patterns there: keep only this schema's rows.
                if (schema == null || schema.equals(rs.getString("TABLE_SCHEM"))) {
                    comment(rs.getString("REMARKS")).ifPresent(c -> comments.put(tableName(rs), c));
                }
            }
        }
        return comments;
    }

    private static String tableName(ResultSet rs) {
        try {
            return rs.getString("TABLE_NAME");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A comment as drivers report it: empty for none (MySQL's say "", PostgreSQL's null). */
    public static Optional<String> comment(String remarks) {
        return remarks == null || remarks.isEmpty() ? Optional.empty() : Optional.of(remarks);
    }

    /**
     * Runs a statistics query taking the schema and table name as its two parameters and returning the row count in
     * its first column, or no row.
     */
    protected static OptionalLong rowCountFrom(Connection connection, String sql, String schema, String table)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return OptionalLong.empty();
                }
                long rows = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(rows);
            }
        }
    }

    /**
     * Asks the database to stop the statement; may be called repeatedly (the gateway retries until the query is
     * over), also before the statement started executing.
     */
    public void cancel(Statement statement) throws SQLException {
        statement.cancel();
    }

    /**
     * This database's Arrow export over connections from {@code dataSource} (whose statements are reported to the
     * gateway like any other), or empty when its driver delivers rows only through JDBC.
     */
    public Optional<ArrowExport> arrowExport(DataSource dataSource) {
        return Optional.empty();
    }

    /**
     * An expression that groups and sorts the text {@code expression} by its exact characters in Unicode code point
     * order, whatever the column's collation (see {@link io.sluice.adapters.spi.SortedKeys}). The default is the
     * expression itself, for databases whose text compares byte by byte in UTF-8 (DuckDB).
     */
    public String codePointOrder(String expression) {
        return expression;
    }

    /**
     * The Calcite type for a column as described by {@code DatabaseMetaData.getColumns}. Subclasses override to map
     * types the generic JDBC mapping gets wrong, and fall back to {@link JdbcColumnTypes#standard}.
     */
    public RelDataType columnType(RelDataTypeFactory typeFactory, JdbcColumn column) {
        return JdbcColumnTypes.standard(typeFactory, column);
    }
}
