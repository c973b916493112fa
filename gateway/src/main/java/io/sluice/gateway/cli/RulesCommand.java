package io.sluice.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice rules}: work with quality rule files. */
@Command(
        name = "rules",
        description = "Works with the quality rule files of the rules directory (rules: in sluice.yaml).",
        subcommands = {RulesValidateCommand.class, CommandLine.HelpCommand.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'sluice rules validate'");
    }
}
