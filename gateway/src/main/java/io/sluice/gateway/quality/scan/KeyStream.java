package io.sluice.gateway.quality.scan;

import io.sluice.adapters.spi.SortedKeys;
import io.sluice.gateway.execution.PushedDownQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One side of a cross-source foreign key: the distinct non-NULL keys of a query, each with its row count, ascending in
 * {@link KeyOrder}, read one at a time.
 *
 * <p>When the planner pushes the query whole to a source that offers {@link SortedKeys}, the source groups and sorts
 * the keys in code point order, whatever its collation (PostgreSQL {@code COLLATE "C"}, MySQL/MariaDB binary strings):
 * two sources then agree on the order of text keys, and a case-insensitive collation does not merge {@code a} and
 * {@code A}. Otherwise the engine groups and sorts ({@code GROUP BY … ORDER BY}, pushed down where it can), and a key
 * that arrives out of order stops the scan with an error rather than report wrong orphans.
 */
abstract class KeyStream implements AutoCloseable {

    /** The column the key queries name their key. */
    static final String KEY = "sluice_key";

    private final String side;
    private @Nullable Object previous;

    private KeyStream(String side) {
        this.side = side;
    }

    /**
     * Opens the keys of {@code sql} (Sluice SQL whose one column is {@link #KEY}, NULLs filtered out) of the table
     * {@code side}, through the source's sorted keys when {@code sortedKeys} has them for the source the query is
     * pushed to.
     */
    static KeyStream open(
            String sql, String side, RuleQueries queries, Function<String, Optional<SortedKeys>> sortedKeys)
            throws SQLException {
        Optional<PushedDownQuery> pushed;
        boolean text;
        try (PushedDownQuery.PlanCapture plan = PushedDownQuery.capture();
                PreparedStatement prepared = queries.connection().prepareStatement(sql)) {
            // A scan's engine checks nothing inline: its queries never pass a quality gate.
            pushed = plan.query().filter(query -> query.gate().isEmpty());
            int type = prepared.getMetaData().getColumnType(1);
            text = type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR || type == Types.NCHAR;
        }
        Optional<SortedKeys> source = pushed.flatMap(query -> sortedKeys.apply(query.source()));
        if (source.isPresent()) {
            SortedKeys.Cursor cursor =
                    source.get().open(pushed.get().sql(), pushed.get().columns().get(0) + 1, text);
            queries.ranAtSource(pushed.get().source(), cursor.sql());
            return new SourceKeys(cursor, side);
        }
        String grouped = "SELECT " + ScanSql.column(KEY) + ", COUNT(*) FROM (" + sql + ") AS \"k\" GROUP BY "
                + ScanSql.column(KEY) + " ORDER BY " + ScanSql.column(KEY);
        Statement statement = queries.connection().createStatement();
        try {
            return new EngineKeys(statement, queries.open(statement, grouped), side);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The next key, or null at the end. */
    final @Nullable Object next() throws SQLException {
        Object key = read();
        if (key == null) {
            return null;
        }
        if (previous != null && KeyOrder.compare(previous, key) >= 0) {
            throw new SQLException("The keys of " + side + " do not arrive in ascending order as the gateway"
                    + " compares them (" + ScanSql.text(previous) + " before " + ScanSql.text(key) + "): the"
                    + " source sorts them differently, e.g. text under a case-insensitive or locale collation."
                    + " Cross-source foreign keys need keys both sources order alike (numbers, dates, or text"
                    + " under a binary collation).");
        }
        previous = key;
        return key;
    }

    /** How many rows carry the current key. */
    abstract long count() throws SQLException;

    abstract @Nullable Object read() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /** Keys the source groups and sorts in code point order. */
    private static final class SourceKeys extends KeyStream {
        private final SortedKeys.Cursor cursor;

        SourceKeys(SortedKeys.Cursor cursor, String side) {
            super(side);
            this.cursor = cursor;
        }

        @Override
        @Nullable
        Object read() throws SQLException {
            return cursor.next();
        }

        @Override
        long count() throws SQLException {
            return cursor.count();
        }

        @Override
        public void close() throws SQLException {
            cursor.close();
        }
    }

    /** Keys the engine groups and sorts. */
    private static final class EngineKeys extends KeyStream {
        private final Statement statement;
        private final ResultSet rows;

        EngineKeys(Statement statement, ResultSet rows, String side) {
            super(side);
            this.statement = statement;
            this.rows = rows;
        }

        @Override
        @Nullable
        Object read() throws SQLException {
            if (!rows.next()) {
                return null;
            }
            Object key = rows.getObject(1);
            if (key == null) {
                throw new SQLException("The keys arrived with a NULL; the scan excludes NULLs");
            }
            return key;
        }

        @Override
        long count() throws SQLException {
            return rows.getLong(2);
        }

        @Override
        public void close() throws SQLException {
            try (statement;
                    rows) {
                // closed in reverse order
            }
        }
    }
}
