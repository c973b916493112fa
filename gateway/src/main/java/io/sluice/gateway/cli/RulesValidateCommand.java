package io.sluice.gateway.cli;

import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.quality.RuleRegistry;
import io.sluice.quality.RuleLoadResult;
import io.sluice.quality.RuleProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sluice rules validate}: loads the rule files and checks them against the tables they name, exactly as the
 * gateway does at start, and prints every problem as {@code file:line:col: path: message}.
 */
@Command(
        name = "validate",
        description = {
            "Checks every rule file of the rules directory against the real tables, as the gateway does when it"
                    + " starts, and prints every problem as file:line:col.",
            "Exits with 3 when there is any problem."
        })
final class RulesValidateCommand extends SluiceSubcommand {

    @Mixin
    ConfigOption config;

    @Override
    int run() {
        SluiceConfig loaded = config.load();
        if (loaded.rulesDirectory().isEmpty()) {
            throw new SluiceException(
                    ErrorCode.CONFIG_INVALID,
                    "No rules directory is configured: add `rules: <directory>` to " + config.file
                            + " (relative to the file's directory)");
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(loaded)) {
            RuleLoadResult result = RuleRegistry.forCatalog(loaded.rulesDirectory(), engine.catalog())
                    .load();
            for (RuleProblem notice : result.notices()) {
                out().println("note: " + notice);
            }
            for (RuleProblem problem : result.problems()) {
                err().println(problem);
            }
            String summary = RuleRegistry.summary(result);
            if (result.isValid()) {
                out().println(summary + ": valid");
                return ExitCodes.OK;
            }
            err().println(summary + ": " + result.problems().size() + " problem(s) in "
                    + loaded.rulesDirectory().get());
            return ExitCodes.CONFIG_INVALID;
        }
    }
}
