package io.sluice.gateway.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice explain}: prints the plan of a statement, including the SQL sent to each source. */
@Command(
        name = "explain",
        description = {
            "Prints the plan of a SQL statement without running it.",
            "Each part that runs in a source shows the source (source=) and the exact SQL sent to it (sql=)."
        })
final class ExplainCommand extends SluiceSubcommand {

    @Mixin
    ConfigOption config;

    @Parameters(arity = "1..*", paramLabel = "SQL", description = "The statement (several words are joined).")
    List<String> sql;

    @Override
    int run() {
        try (EmbeddedEngine engine = EmbeddedEngine.openWithRules(config.load())) {
            try (Connection connection = engine.connect();
                    Statement statement = connection.createStatement();
                    ResultSet plan = statement.executeQuery("EXPLAIN PLAN FOR " + SqlText.of(sql))) {
                while (plan.next()) {
                    out().println(plan.getString(1).stripTrailing());
                }
            } catch (SQLException | RuntimeException e) {
                throw engine.translate(e);
            }
        }
        return ExitCodes.OK;
    }
}
