package io.sluice.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The quality rules {@code scripts/bench --rules on} makes the gateway check: ten row rules of the kinds users write,
 * on {@code lineitem} in both sources, all {@code warn} so that every row is still read and returned.
 */
final class QualityRuleFiles {

    static final int RULE_COUNT = 10;

    private static final String RULES = String.join(
            "\n",
            "rules:",
            "  - { column: l_orderkey, check: not_null }",
            "  - { column: l_quantity, check: range, min: 1, max: 50 }",
            "  - { column: l_discount, check: range, min: 0, max: 0.1 }",
            "  - { column: l_tax, check: range, min: 0, max: 0.08 }",
            "  - { column: l_returnflag, check: accepted_values, values: [A, N, R] }",
            "  - { column: l_linestatus, check: accepted_values, values: [O, F] }",
            "  - { column: l_shipmode, check: accepted_values, values: [AIR, REG AIR, FOB, MAIL, RAIL, SHIP, TRUCK] }",
            "  - { column: l_comment, check: length, max: 44 }",
            "  - { check: expression, sql: \"l_receiptdate >= l_shipdate\", name: received_after_shipping }",
            "  - { column: l_comment, check: valid_encoding }",
            "");

    private QualityRuleFiles() {}

    /**
     * Writes the rule files for {@code lineitem} of each of {@code sources} (a source not benchmarked may not hold the
     * table) into {@code directory}, replacing what an earlier run left there, and returns the directory.
     */
    static Path write(Path directory, LineitemData data, List<String> sources) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> earlier = Files.list(directory)) {
            for (Path file : (Iterable<Path>) earlier::iterator) {
                Files.delete(file);
            }
        }
        if (sources.contains("duckdb")) {
            writeFile(directory.resolve("duck-lineitem.yaml"), BenchmarkTarget.DUCKDB_SOURCE + ".main.lineitem");
        }
        if (sources.contains("postgresql")) {
            writeFile(
                    directory.resolve("pg-lineitem.yaml"),
                    BenchmarkTarget.POSTGRESQL_SOURCE + "." + data.postgreSqlSchema() + ".lineitem");
        }
        return directory.toAbsolutePath();
    }

    private static void writeFile(Path file, String table) throws IOException {
        Files.writeString(file, "table: " + table + "\n" + RULES, StandardCharsets.UTF_8);
    }
}
