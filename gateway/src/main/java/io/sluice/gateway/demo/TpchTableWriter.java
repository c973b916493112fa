package io.sluice.gateway.demo;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Creates one TPC-H table in DuckDB with the types of the TPC-H specification (money as DECIMAL(15,2), dates as DATE,
 * keys as BIGINT) and fills it from the generator through DuckDB's appender, far faster than INSERT statements.
 */
public final class TpchTableWriter {

    /** How often, in rows, {@link #write(DuckDBConnection, TpchTable, double, LongConsumer)} reports progress. */
    private static final long PROGRESS_ROWS = 500_000;

    /** Primary keys per TPC-H's specification; BI tools show them, and they document the joins. */
    private static final Map<String, List<String>> PRIMARY_KEYS = Map.of(
            "orders", List.of("o_orderkey"),
            "lineitem", List.of("l_orderkey", "l_linenumber"),
            "part", List.of("p_partkey"),
            "partsupp", List.of("ps_partkey", "ps_suppkey"),
            "supplier", List.of("s_suppkey"),
            "customer", List.of("c_custkey"),
            "nation", List.of("n_nationkey"),
            "region", List.of("r_regionkey"));

    private static final String SCHEMA = "main";

    private TpchTableWriter() {}

    /** Creates {@code table} and appends every generated row; returns the number of rows. */
    static <E extends TpchEntity> long write(DuckDBConnection connection, TpchTable<E> table, double scaleFactor)
            throws SQLException {
        return write(connection, table, scaleFactor, rows -> {});
    }

    /**
     * Creates {@code table} in the {@code main} schema and appends every generated row, telling {@code progress} the
     * rows written so far every {@value #PROGRESS_ROWS} rows; returns the number of rows.
     */
    public static <E extends TpchEntity> long write(
            DuckDBConnection connection, TpchTable<E> table, double scaleFactor, LongConsumer progress)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createTable(SCHEMA, table));
        }
        List<TpchColumn<E>> columns = table.getColumns();
        long rows = 0;
        try (DuckDBAppender appender = connection.createAppender(SCHEMA, table.getTableName())) {
            for (E entity : table.createGenerator(scaleFactor, 1, 1)) {
                appender.beginRow();
                for (TpchColumn<E> column : columns) {
                    append(appender, column, entity);
                }
                appender.endRow();
                if (++rows % PROGRESS_ROWS == 0) {
                    progress.accept(rows);
                }
            }
        }
        return rows;
    }

    /** The {@code CREATE TABLE} statement for {@code table} in {@code schema} (standard SQL: PostgreSQL runs it too). */
    public static String createTable(String schema, TpchTable<?> table) {
        String columns = table.getColumns().stream()
                .map(column -> column.getColumnName() + " " + sqlType(column) + " NOT NULL")
                .collect(Collectors.joining(", "));
        List<String> key = PRIMARY_KEYS.get(table.getTableName());
        String primaryKey = key == null ? "" : ", PRIMARY KEY (" + String.join(", ", key) + ")";
        return "CREATE TABLE " + schema + "." + table.getTableName() + " (" + columns + primaryKey + ")";
    }

    private static String sqlType(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DATE -> "DATE";
                // Every DOUBLE of the generator is a DECIMAL(15,2) in the specification: prices, quantities, rates.
            case DOUBLE -> "DECIMAL(15,2)";
            case VARCHAR -> "VARCHAR";
        };
    }

    private static <E extends TpchEntity> void append(DuckDBAppender appender, TpchColumn<E> column, E entity)
            throws SQLException {
        switch (column.getType().getBase()) {
            case IDENTIFIER -> appender.append(column.getIdentifier(entity));
            case INTEGER -> appender.append(column.getInteger(entity));
            case DATE -> appender.appendEpochDays(column.getDate(entity));
                // The generator keeps cents as a long and divides by 100: rounding recovers them exactly.
            case DOUBLE -> appender.append(BigDecimal.valueOf(Math.round(column.getDouble(entity) * 100), 2));
            case VARCHAR -> appender.append(column.getString(entity));
        }
    }
}
