package io.sluice.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reads a result through a JDBC driver with {@code getObject} on every column of every row, the way generic clients
 * (BI tools, SQLLine) read; the fetch size is 10,000 rows. pgjdbc streams only inside a transaction, so for PostgreSQL
 * auto-commit is off (the gateway's own PostgreSQL source does the same).
 */
final class JdbcTableReader implements TableReader {

    static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final String sql;
    private final boolean inTransaction;

    JdbcTableReader(String url, Properties properties, String sql) throws SQLException {
        this.connection = DriverManager.getConnection(url, properties);
        this.sql = sql;
        this.inTransaction = url.startsWith("jdbc:postgresql:");
        if (inTransaction) {
            connection.setAutoCommit(false);
        }
    }

    @Override
    public long readAll(Blackhole sink) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int column = 1; column <= columns; column++) {
                        sink.consume(rs.getObject(column));
                    }
                    rows++;
                }
            }
        }
        if (inTransaction) {
            connection.commit();
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
