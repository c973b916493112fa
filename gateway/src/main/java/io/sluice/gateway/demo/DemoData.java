package io.sluice.gateway.demo;

import io.trino.tpch.TextPool;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBConnection;

/**
 * The demo's TPC-H data in DuckDB files, generated on first use. Each file is written under a temporary name and
 * renamed when complete, so an interrupted first start leaves no half-written database behind, only a leftover that the
 * next start replaces.
 */
public final class DemoData {

    /** TPC-H scale factor 0.01: about 86,000 rows, generated in seconds. */
    public static final double SCALE_FACTOR = 0.01;

    private static final String PARTIAL_SUFFIX = ".partial";

    private final Path directory;
    private final double scaleFactor;
    private final PrintWriter progress;

    /** @param progress where table names and row counts are reported while generating (stderr in the CLI) */
    public DemoData(Path directory, double scaleFactor, PrintWriter progress) {
        this.directory = directory;
        this.scaleFactor = scaleFactor;
        this.progress = progress;
    }

    public Path directory() {
        return directory;
    }

    public Path path(DemoDatabase database) {
        return directory.resolve(database.fileName());
    }

    /** Generates the databases that do not exist yet; returns those it generated (none on later starts). */
    public List<DemoDatabase> ensure() throws IOException, SQLException {
        List<DemoDatabase> generated = new ArrayList<>();
        for (DemoDatabase database : DemoDatabase.values()) {
            if (!Files.exists(path(database))) {
                if (generated.isEmpty()) {
                    // Building the generator's 300 MB text pool takes seconds; do it while DuckDB loads its library.
                    CompletableFuture.runAsync(TextPool::getDefaultTextPool);
                    progress.printf(
                            Locale.ROOT,
                            "Generating TPC-H data (scale factor %s) in %s; this happens on the first start only.%n",
                            scaleFactor,
                            directory);
                }
                generate(database);
                generated.add(database);
            }
        }
        return generated;
    }

    private void generate(DemoDatabase database) throws IOException, SQLException {
        long start = System.nanoTime();
        Files.createDirectories(directory);
        Path target = path(database);
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        deleteLeftovers(partial);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + partial.toAbsolutePath())) {
            DuckDBConnection duckDb = connection.unwrap(DuckDBConnection.class);
            for (TpchTable<?> table : database.tables()) {
                long tableStart = System.nanoTime();
                long rows = TpchTableWriter.write(duckDb, table, scaleFactor);
                progress.printf(
                        Locale.ROOT,
                        "  %-28s %,9d rows %6.1f s%n",
                        database.sourceName() + ".main." + table.getTableName(),
                        rows,
                        seconds(tableStart));
                progress.flush();
            }
            try (Statement statement = connection.createStatement()) {
                // Fold the write-ahead log into the file, so that the rename moves the complete database.
                statement.execute("CHECKPOINT");
            }
        }
        deleteWal(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        progress.printf(Locale.ROOT, "  %s ready (%.1f s)%n", target.getFileName(), seconds(start));
        progress.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteLeftovers(Path partial) throws IOException {
        Files.deleteIfExists(partial);
        deleteWal(partial);
    }

    private static void deleteWal(Path database) throws IOException {
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    }
}
