package io.sluice.gateway.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice query}: runs one statement over the configured sources in this process (no server) and prints it. */
@Command(
        name = "query",
        description = {
            "Runs one SQL statement in this process, without a server, and prints the result.",
            "Tables are addressed source.schema.table, e.g. warehouse.main.orders."
        })
final class QueryCommand extends SluiceSubcommand {

    @Mixin
    ConfigOption config;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            converter = OutputFormat.Converter.class,
            completionCandidates = OutputFormat.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Parameters(arity = "1..*", paramLabel = "SQL", description = "The statement (several words are joined).")
    List<String> sql;

    @Override
    int run() {
        try (EmbeddedEngine engine = EmbeddedEngine.openWithRules(config.load())) {
            try (Connection connection = engine.connect();
                    Statement statement = connection.createStatement()) {
                if (statement.execute(SqlText.of(sql))) {
                    try (ResultSet rows = statement.getResultSet()) {
                        format.writer().write(rows, out());
                    }
                } else {
                    out().println("(" + statement.getUpdateCount() + " rows affected)");
                }
            } catch (SQLException | RuntimeException e) {
                throw engine.translate(e);
            }
        }
        return ExitCodes.OK;
    }
}
