package io.sluice.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SluiceCommandTest {

    @TempDir
    static Path dir;

    static Path config;

    @BeforeAll
    static void createSource() throws Exception {
        Path database = dir.resolve("shop.duckdb");
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = duckDb.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER, name VARCHAR, price DECIMAL(10,2), added DATE)");
            statement.execute("INSERT INTO items VALUES (1, 'apple', 1.50, DATE '2024-03-10'),"
                    + " (2, 'pear, \"green\"', 12.25, NULL), (3, NULL, NULL, DATE '2024-11-03')");
        }
        config = write("sluice.yaml", "sources:\n  shop:\n    type: duckdb\n    path: '" + database + "'\n");
    }

    @Test
    void query_table_alignsColumnsAndShowsNull() {
        Result result = run("query", "--config", config.toString(), "SELECT * FROM shop.main.items ORDER BY id");

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .isEqualTo(
                        """
                         id | name          | price | added
                        ----+---------------+-------+------------
                          1 | apple         |  1.50 | 2024-03-10
                          2 | pear, "green" | 12.25 | NULL
                          3 | NULL          |  NULL | 2024-11-03
                        (3 rows)
                        """);
    }

    @Test
    void query_table_oneRowFooterIsSingular() {
        Result result =
                run("query", "-c", config.toString(), "SELECT", "count(*)", "AS", "n", "FROM", "shop.main.items;");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(" n\n---\n 3\n(1 row)\n");
    }

    @Test
    void query_csv_quotesPerRfc4180() {
        Result result = run(
                "query", "--config", config.toString(), "--format", "csv", "SELECT * FROM shop.main.items ORDER BY id");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .isEqualTo(
                        """
                        id,name,price,added
                        1,apple,1.50,2024-03-10
                        2,"pear, ""green\"\"\",12.25,
                        3,,,2024-11-03
                        """);
    }

    @Test
    void query_json_writesOneArray() {
        Result result = run(
                "query",
                "--config",
                config.toString(),
                "--format",
                "JSON",
                "SELECT * FROM shop.main.items ORDER BY id");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .isEqualTo(
                        """
                        [
                        {"id":1,"name":"apple","price":1.50,"added":"2024-03-10"},
                        {"id":2,"name":"pear, \\"green\\"","price":12.25,"added":null},
                        {"id":3,"name":null,"price":null,"added":"2024-11-03"}
                        ]
                        """);
    }

    @Test
    void query_jsonl_writesOneObjectPerLine() {
        Result result = run(
                "query", "--config", config.toString(), "-f", "jsonl", "SELECT id FROM shop.main.items WHERE id < 3");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("{\"id\":1}\n{\"id\":2}\n");
    }

    @Test
    void query_json_emptyResultIsEmptyArray() {
        Result result = run(
                "query", "--config", config.toString(), "-f", "json", "SELECT id FROM shop.main.items WHERE id > 9");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("[]\n");
    }

    @Test
    void query_badSql_exitsOneWithLocation() {
        Result result = run("query", "--config", config.toString(), "SELECT id FROM FROM shop.main.items");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("ERROR QUERY_SYNTAX: Syntax error at line 1, column 16");
    }

    @Test
    void query_unknownTable_namesItWithLocation() {
        Result result = run("query", "--config", config.toString(), "SELECT *\nFROM shop.main.nothing");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("ERROR TABLE_NOT_FOUND: ")
                .contains("nothing")
                .contains("line 2, column 6");
    }

    @Test
    void query_unknownFormat_isUsageError() {
        Result result = run("query", "--config", config.toString(), "--format", "xml", "SELECT 1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected one of table, csv, json, jsonl, got 'xml'");
    }

    @Test
    void explain_showsSqlSentToSource() {
        Result result =
                run("explain", "--config", config.toString(), "SELECT name FROM shop.main.items WHERE price > 2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("source=[shop]")
                .contains("sql=[SELECT")
                .contains("WHERE");
    }

    @Test
    void sources_listsSourceAsUpWithTableCount() {
        Result result = run("sources", "--config", config.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().toList())
                .hasSize(4)
                .first()
                .asString()
                .matches(" source \\| type +\\| status \\| latency_ms \\| tables \\| problem");
        assertThat(result.out().lines().toList().get(2)).matches(" shop +\\| duckdb \\| up +\\| +\\d+ \\| +1 \\|");
        assertThat(result.out()).endsWith("(1 source, 0 down)\n");
    }

    @Test
    void sources_downSource_exitsOne() throws Exception {
        Path broken = write(
                "broken.yaml",
                "sources:\n  gone:\n    type: duckdb\n    path: '" + dir.resolve("no/such/dir/gone.duckdb") + "'\n");

        Result result = run("sources", "--config", broken.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains(" gone ").contains("DOWN").endsWith("(1 source, 1 down)\n");
    }

    @Test
    void query_invalidConfig_exitsThreeWithFileLineColumn() throws Exception {
        Path invalid = write("invalid.yaml", "sources:\n  shop:\n    type: duckdbb\n");

        Result result = run("query", "--config", invalid.toString(), "SELECT 1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .startsWith("ERROR CONFIG_INVALID: " + invalid + ":3:11: sources.shop.type: ")
                .contains("did you mean \"duckdb\"");
    }

    @Test
    void serve_missingConfig_exitsThree() {
        Result result = run("serve", "--config", dir.resolve("missing.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("ERROR CONFIG_INVALID: ").contains("missing.yaml");
    }

    @Test
    void hashPassword_printsVerifiableBcryptHash() {
        Result result = run(stdin("correct horse\n"), "hash-password", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        String hash = result.out().strip();
        assertThat(hash).startsWith("$2a$12$").hasSize(60);
        assertThat(BCrypt.verifyer().verify("correct horse".toCharArray(), hash.toCharArray()).verified)
                .isTrue();
        assertThat(result.err()).contains("password_hash");
    }

    @Test
    void hashPassword_emptyPassword_exitsOne() {
        Result result = run(stdin(""), "hash-password");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("empty");
    }

    @Test
    void help_listsCommandsAndExitCodes() {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("Usage: sluice")
                .contains("serve", "query", "explain", "sources", "hash-password", "demo")
                .contains("Exit codes:", "3   invalid config or rule files");
    }

    @Test
    void subcommandHelp_exitsZero() {
        Result result = run("query", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: sluice query").contains("--format", "Exit codes:");
    }

    @Test
    void version_printsProjectVersion() {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("(?s)sluice \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*");
        assertThat(run("demo", "--version").out()).isEqualTo(result.out());
    }

    @Test
    void rulesValidate_validRules_exitsZeroWithSummary() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("good-rules"));
        Files.writeString(
                rules.resolve("items.yaml"),
                "table: shop.main.items\nrules:\n  - { column: price, check: range, min: 0 }\n"
                        + "  - { column: name, check: not_null }\n");
        Path withRules = write("with-rules.yaml", Files.readString(config) + "rules: good-rules\n");

        Result result = run("rules", "validate", "--config", withRules.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("1 rule file(s), 2 rule(s) on 1 table(s): valid\n");
    }

    @Test
    void query_appliesTheRules_andExplainShowsTheGate() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("drop-rules"));
        Files.writeString(
                rules.resolve("items.yaml"),
                "table: shop.main.items\nrules:\n  - { column: name, check: not_null, action: drop }\n");
        Path withRules = write("with-drop-rules.yaml", Files.readString(config) + "rules: drop-rules\n");

        Result query = run(
                "query",
                "--config",
                withRules.toString(),
                "--format",
                "csv",
                "SELECT id FROM shop.main.items ORDER BY id");
        Result explain = run("explain", "--config", withRules.toString(), "SELECT id FROM shop.main.items");

        assertThat(query.exitCode()).isZero();
        assertThat(query.out()).isEqualTo("id\n1\n2\n");
        assertThat(explain.out()).contains("QualityGate(table=[shop.main.items], not_null_name=[drop IS NULL(");
    }

    @Test
    void rulesValidate_everyProblemWithFileLineColumn_exitsThree() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("bad-rules"));
        Path file = rules.resolve("items.yaml");
        Files.writeString(
                file,
                "table: shop.main.items\nrules:\n  - { column: prize, check: range, min: 0 }\n"
                        + "  - { column: name, check: regex, pattern: '([a-z' }\n");
        Path withRules = write("with-bad-rules.yaml", Files.readString(config) + "rules: bad-rules\n");

        Result result = run("rules", "validate", "--config", withRules.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains(file + ":4:44: rules[1].pattern: invalid regular expression")
                .contains("problem(s) in " + rules);
    }

    @Test
    void noCommand_isUsageError() {
        Result result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing a command").contains("Usage: sluice");
    }

    @Test
    void configureLogging_quietForOneShotCommandsOnly() {
        String saved = System.clearProperty(SluiceCommand.LOG_LEVEL_PROPERTY);
        try {
            SluiceCommand.configureLogging(new String[] {"query", "-c", "x.yaml", "SELECT 1"});
            assertThat(System.getProperty(SluiceCommand.LOG_LEVEL_PROPERTY)).isEqualTo("warn");
            System.clearProperty(SluiceCommand.LOG_LEVEL_PROPERTY);
            SluiceCommand.configureLogging(new String[] {"demo", "--port", "1"});
            assertThat(System.getProperty(SluiceCommand.LOG_LEVEL_PROPERTY)).isEqualTo("info");
        } finally {
            if (saved == null) {
                System.clearProperty(SluiceCommand.LOG_LEVEL_PROPERTY);
            } else {
                System.setProperty(SluiceCommand.LOG_LEVEL_PROPERTY, saved);
            }
        }
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private static Result run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SluiceCommand(stdin));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
