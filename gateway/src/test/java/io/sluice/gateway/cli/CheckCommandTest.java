package io.sluice.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice check} over an in-process DuckDB source: report, progress, JSON and every exit code. */
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path database;
    static String sources;

    @BeforeAll
    static void createSource() throws Exception {
        database = dir.resolve("shop.duckdb");
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = duckDb.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER, name VARCHAR, price DECIMAL(10,2))");
            statement.execute("INSERT INTO items VALUES (1, 'apple', 1.50), (2, 'pear', -3.00), (2, NULL, 4.00),"
                    + " (3, 'plum', -1.00), (4, NULL, 2.00)");
            statement.execute("CREATE TABLE clean (id INTEGER)");
            statement.execute("INSERT INTO clean VALUES (1), (2)");
        }
        sources = "sources:\n  shop:\n    type: duckdb\n    path: '" + database + "'\n";
    }

    @Test
    void check_table_reportOnStdoutProgressOnStderr_exitsZeroWhenOnlyWarnRulesAreViolated() throws Exception {
        Path config = config(
                "warn",
                "table: shop.main.items\nrules:\n  - { column: name, check: not_null }\n"
                        + "  - { check: unique, column: id }\n  - { column: price, check: range, min: 0 }\n",
                "table: shop.main.clean\nrules:\n  - { check: row_count, min: 1 }\n");

        Result result = run("check", "--config", config.toString(), "--no-store");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).containsSubsequence("table", "rule", "check", "action", "status", "checked", "violations");
        assertThat(result.out())
                .containsPattern(
                        "shop\\.main\\.items +\\| +not_null_name +\\| +not_null +\\| +warn +\\| +warn +\\| +5 +\\| +"
                                + duckDb("SELECT count(*) FROM items WHERE name IS NULL") + " +\\| NULL, NULL")
                .containsPattern("unique_id .*\\| +warn +\\| +5 +\\| +"
                        + duckDb("SELECT count(id) - count(DISTINCT id) FROM items") + " +\\| 2 \\(2 rows\\)")
                .containsPattern("range_price .*\\| +warn +\\| +5 +\\| +"
                        + duckDb("SELECT count(*) FROM items WHERE price < 0") + " +\\| -3.00, -1.00")
                .containsPattern("row_count .*\\| +pass +\\| +2 +\\| +0 +\\| 2 rows")
                .contains("4 rule(s) on 2 table(s)", "1 pass, 3 warn, 0 fail, 0 error");
        assertThat(result.err())
                .contains("[1/2] shop.main.items: 3 rule(s)", "  warn  not_null_name (2 violation(s)", "[2/2]");
    }

    @Test
    void check_failRuleViolated_exitsOne_json() throws Exception {
        Path config = config(
                "fail",
                "table: shop.main.items\nrules:\n  - { column: name, check: not_null, action: fail }\n"
                        + "  - { column: price, check: range, min: -10 }\n");

        Result result = run("check", "--config", config.toString(), "--no-store", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("status").asText()).isEqualTo("fail");
        assertThat(report.get("counts").get("fail").asLong()).isEqualTo(1);
        JsonNode notNull = report.get("results").get(0);
        assertThat(notNull.get("rule").asText()).isEqualTo("not_null_name");
        assertThat(notNull.get("action").asText()).isEqualTo("fail");
        assertThat(notNull.get("rows_checked").asLong()).isEqualTo(duckDb("SELECT count(*) FROM items"));
        assertThat(notNull.get("violations").asLong())
                .isEqualTo(duckDb("SELECT count(*) FROM items WHERE name IS NULL"));
        assertThat(notNull.get("statements").get(0).asText()).contains("COUNT(*)", "\"name\" IS NULL");
        assertThat(report.get("results").get(1).get("status").asText()).isEqualTo("pass");
    }

    @Test
    void check_ruleThatCannotRun_isAnError_otherRulesStillRun_exitsFour() throws Exception {
        // Type-checks when loading; fails at run time on 'apple'.
        Path config = config(
                "error",
                "table: shop.main.items\nrules:\n  - { check: expression, name: numeric_name,"
                        + " sql: \"CAST(name AS INTEGER) > 0\" }\n  - { column: price, check: range, min: 0 }\n");

        Result result = run("check", "--config", config.toString(), "--no-store");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.CHECK_INCOMPLETE);
        assertThat(result.out())
                .containsPattern("numeric_name .*\\| +error +\\|")
                .containsPattern("range_price .*\\| +warn +\\|")
                .contains("1 warn, 0 fail, 1 error", "error: shop.main.items numeric_name: ");
    }

    @Test
    void check_invalidRules_exitsThreeWithFileLineColumn() throws Exception {
        Path config = config("invalid", "table: shop.main.items\nrules:\n  - { column: nme, check: not_null }\n");

        Result result = run("check", "--config", config.toString(), "--no-store");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(result.err())
                .contains(
                        "rules0.yaml:3:15: rules[0].column: column \"nme\" is not in table shop.main.items; did you mean \"name\"?");
    }

    @Test
    void check_unknownTable_listsTheTablesWithRules() throws Exception {
        Path config = config("unknown", "table: shop.main.items\nrules:\n  - { column: name, check: not_null }\n");

        Result result = run("check", "--config", config.toString(), "--no-store", "shop.main.itemz");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err())
                .contains("No quality rules for table 'shop.main.itemz'; tables with rules: shop.main.items");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void check_unknownFormat_saysWhatIsExpected() throws Exception {
        Path config = config("format", "table: shop.main.items\nrules:\n  - { column: name, check: not_null }\n");

        Result result = run("check", "--config", config.toString(), "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(result.err()).contains("--format", "expected table or json, got 'xml'");
    }

    /** A config over the DuckDB source with a rules directory {@code name} holding {@code files}. */
    private static Path config(String name, String... files) throws Exception {
        Path rules = Files.createDirectories(dir.resolve(name + "-rules"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(rules.resolve("rules" + i + ".yaml"), files[i]);
        }
        return Files.writeString(dir.resolve(name + ".yaml"), sources + "rules: " + name + "-rules\n");
    }

    private static long duckDb(String sql) throws Exception {
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = duckDb.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SluiceCommand(InputStream.nullInputStream()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Result(commandLine.execute(args), out.toString(), err.toString());
    }
}
