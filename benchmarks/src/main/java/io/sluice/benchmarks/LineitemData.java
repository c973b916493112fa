package io.sluice.benchmarks;

import io.sluice.gateway.demo.TpchTableWriter;
import io.trino.tpch.TextPool;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * TPC-H {@code lineitem} at one scale factor, in a DuckDB file and in PostgreSQL. The DuckDB file is generated once
 * (with {@code io.trino.tpch}, the generator of the demo) and kept between runs; PostgreSQL is filled from that file
 * with {@code COPY}, so both sources hold exactly the same rows, and is reused while it still holds them.
 */
final class LineitemData {

    static final String TABLE = "lineitem";
    private static final int PROGRESS_ROWS = 500_000;

    private final Path directory;
    private final double scaleFactor;
    private final PrintStream progress;

    LineitemData(Path directory, double scaleFactor, PrintStream progress) {
        this.directory = directory;
        this.scaleFactor = scaleFactor;
        this.progress = progress;
    }

    /** A name part for this scale factor: {@code sf1}, {@code sf0_1}. */
    String tag() {
        String number = scaleFactor == Math.rint(scaleFactor)
                ? String.valueOf((long) scaleFactor)
                : String.valueOf(scaleFactor).replace('.', '_');
        return "sf" + number;
    }

    Path duckDbFile() {
        return directory.resolve("lineitem-" + tag() + ".duckdb");
    }

    /** The PostgreSQL schema holding this scale factor's table. */
    String postgreSqlSchema() {
        return "tpch_" + tag();
    }

    /** Generates the DuckDB file unless it exists; returns the number of rows of the table. */
    long ensureDuckDb() throws IOException, SQLException {
        Path file = duckDbFile();
        if (Files.exists(file)) {
            long rows = count(duckDbUrl(file), readOnly(), "main." + TABLE);
            progress.printf(Locale.ROOT, "bench: reusing %s (%,d rows)%n", file, rows);
            return rows;
        }
        Files.createDirectories(directory);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".wal"));
        progress.printf(
                Locale.ROOT, "bench: generating TPC-H lineitem at scale factor %s into %s%n", scaleFactor, file);
        long start = System.nanoTime();
        long rows;
        // The generator's text pool takes seconds to build; report it so a silent start does not look stuck.
        TextPool.getDefaultTextPool();
        try (Connection connection = DriverManager.getConnection(duckDbUrl(partial))) {
            rows = TpchTableWriter.write(
                    connection.unwrap(DuckDBConnection.class),
                    TpchTable.LINE_ITEM,
                    scaleFactor,
                    written -> progress.printf(
                            Locale.ROOT, "bench:   DuckDB %,d rows (%.0f s)%n", written, seconds(start)));
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }
        Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".wal"));
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        progress.printf(Locale.ROOT, "bench:   DuckDB done: %,d rows in %.0f s%n", rows, seconds(start));
        return rows;
    }

    /**
     * Copies the DuckDB table into PostgreSQL unless the table there already holds {@code rows} rows. The table is
     * UNLOGGED (loads faster; reads are the same).
     */
    void ensurePostgreSql(String url, Properties credentials, long rows) throws SQLException, IOException {
        String table = postgreSqlSchema() + "." + TABLE;
        try (Connection pg = DriverManager.getConnection(url, credentials);
                Statement statement = pg.createStatement()) {
            if (tableRows(statement, table) == rows) {
                progress.printf(Locale.ROOT, "bench: reusing PostgreSQL %s (%,d rows)%n", table, rows);
                return;
            }
            progress.printf(Locale.ROOT, "bench: copying %,d rows into PostgreSQL %s%n", rows, table);
            statement.execute("DROP SCHEMA IF EXISTS " + postgreSqlSchema() + " CASCADE");
            statement.execute("CREATE SCHEMA " + postgreSqlSchema());
            statement.execute(TpchTableWriter.createTable(postgreSqlSchema(), TpchTable.LINE_ITEM)
                    .replaceFirst("^CREATE TABLE", "CREATE UNLOGGED TABLE"));
            long start = System.nanoTime();
            copyFromDuckDb(pg, table);
            statement.execute("ANALYZE " + table);
            progress.printf(Locale.ROOT, "bench:   PostgreSQL done in %.0f s%n", seconds(start));
        }
    }

    private void copyFromDuckDb(Connection pg, String table) throws SQLException {
        long start = System.nanoTime();
        CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
        try (Connection duck = DriverManager.getConnection(duckDbUrl(duckDbFile()), readOnly());
                Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM main." + TABLE)) {
            int columns = rs.getMetaData().getColumnCount();
            StringBuilder text = new StringBuilder(1 << 17);
            long copied = 0;
            while (rs.next()) {
                for (int column = 1; column <= columns; column++) {
                    if (column > 1) {
                        text.append('\t');
                    }
                    appendCopyText(text, rs.getString(column));
                }
                text.append('\n');
                if (text.length() > (1 << 16)) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
                if (++copied % PROGRESS_ROWS == 0) {
                    progress.printf(Locale.ROOT, "bench:   PostgreSQL %,d rows (%.0f s)%n", copied, seconds(start));
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A value in COPY's text format (every TPC-H column is NOT NULL). */
    private static void appendCopyText(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static long tableRows(Statement statement, String table) throws SQLException {
        try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return -1;
            }
        }
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static long count(String url, Properties properties, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    static String duckDbUrl(Path file) {
        return "jdbc:duckdb:" + file.toAbsolutePath();
    }

    /** DuckDB lets several processes open a file only when all of them open it read-only. */
    static Properties readOnly() {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return properties;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
