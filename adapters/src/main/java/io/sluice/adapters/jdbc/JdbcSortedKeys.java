package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.SortedKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Sorted key streams from a JDBC database: the given statement wrapped in {@code SELECT key, COUNT(*) … GROUP BY key
 * ORDER BY key}, with text keys under the dialect's {@link JdbcSourceDialect#codePointOrder code point order}, read
 * with the source's streaming fetch size on a connection of its pool.
 */
final class JdbcSortedKeys implements SortedKeys {

    private final DataSource dataSource;
    private final JdbcSourceDialect dialect;

    JdbcSortedKeys(DataSource dataSource, JdbcSourceDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public Cursor open(String sql, int column, boolean text) throws SQLException {
        SqlDialect sqlDialect = dialect.sqlDialect();
        String derived = sqlDialect.quoteIdentifier("k");
        Connection connection = dataSource.getConnection();
        try {
            Statement statement = connection.createStatement();
            String quoted;
            // The statement names its columns as it likes (a pushed-down plan drops aliases): ask for the name.
            try (ResultSet none = statement.executeQuery("SELECT * FROM (" + sql + ") " + derived + " WHERE 1 = 0")) {
                quoted = sqlDialect.quoteIdentifier(none.getMetaData().getColumnLabel(column));
            }
            String key = text ? dialect.codePointOrder(quoted) : quoted;
            String keysSql = "SELECT " + key + ", COUNT(*) FROM (" + sql + ") " + derived + " WHERE " + quoted
                    + " IS NOT NULL GROUP BY " + key + " ORDER BY " + key;
            return new JdbcCursor(connection, statement, statement.executeQuery(keysSql), keysSql, text);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static final class JdbcCursor implements Cursor {
        private final Connection connection;
        private final Statement statement;
        private final ResultSet rows;
        private final String sql;
        private final boolean text;

        JdbcCursor(Connection connection, Statement statement, ResultSet rows, String sql, boolean text) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.sql = sql;
            this.text = text;
        }

        @Override
        public @Nullable Object next() throws SQLException {
            if (!rows.next()) {
                return null;
            }
            Object key = rows.getObject(1);
            // MySQL's code point order is a binary string: its bytes are the key's UTF-8.
            return text && key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key;
        }

        @Override
        public long count() throws SQLException {
            return rows.getLong(2);
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                try (statement;
                        rows) {
                    // closed in reverse order: the result, then the statement
                }
                if (!connection.getAutoCommit()) {
                    // Ends the transaction a streaming PostgreSQL cursor needs before the pool takes the connection
                    // back.
                    connection.rollback();
                }
            }
        }
    }
}
