package io.sluice.adapters.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements PostgreSQL received, read from {@code pg_stat_statements}: tests prove pushdown by what the source
 * ran, not by what the gateway meant to send.
 *
 * <p>{@code pg_stat_statements} normalizes query texts (literals become {@code $1}, {@code $2}…) and merges equal
 * statements into one entry with a call count; the exact texts are in the server log ({@link
 * TestingPostgreSqlServer#logFile()}). Entries appear when a statement finishes. The log is server-wide: a test
 * that {@link #reset() resets} it should look for statements naming its own tables.
 */
public final class PostgreSqlStatementLog {

    /** One normalized statement, with how often it ran and the rows it returned or affected in total. */
    public record Entry(String database, String query, long calls, long rows) {}

    private static final String QUERY = "SELECT d.datname, s.query, s.calls, s.rows"
            + " FROM pg_stat_statements s LEFT JOIN pg_database d ON d.oid = s.dbid"
            + " WHERE s.query NOT LIKE '%pg_stat_statements%'"
            + " ORDER BY d.datname, s.query";

    private final TestingPostgreSqlServer server;

    PostgreSqlStatementLog(TestingPostgreSqlServer server) {
        this.server = server;
    }

    /** Forgets every statement recorded so far, on the whole server. */
    public void reset() throws SQLException {
        try (Connection connection = server.openConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Every statement recorded since the last reset, except the reads of {@code pg_stat_statements} itself. */
    public List<Entry> entries() throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = server.openConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY);
                ResultSet resultSet = statement.executeQuery()) {
            while (resultSet.next()) {
                entries.add(new Entry(
                        resultSet.getString(1), resultSet.getString(2), resultSet.getLong(3), resultSet.getLong(4)));
            }
        }
        return entries;
    }

    /** The recorded statements whose text contains {@code text}, ignoring case (e.g. a test's unique table name). */
    public List<Entry> entriesContaining(String text) throws SQLException {
        String needle = text.toLowerCase(Locale.ROOT);
        return entries().stream()
                .filter(entry -> entry.query().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    }
}
