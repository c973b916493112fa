package io.sluice.gateway.cli;

import java.io.InputStream;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code sluice} command: the entry point of the launcher, dispatching to one subcommand per task. */
@Command(
        name = "sluice",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sluice: one SQL endpoint in front of many sources.",
        subcommands = {
            ServeCommand.class,
            QueryCommand.class,
            ExplainCommand.class,
            SourcesCommand.class,
            HashPasswordCommand.class,
            DemoCommand.class,
            RulesCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_ENTRY,
            ExitCodes.FAILED_ENTRY,
            ExitCodes.USAGE_ENTRY,
            ExitCodes.CONFIG_INVALID_ENTRY,
            ExitCodes.CHECK_INCOMPLETE_ENTRY
        },
        footerHeading = "%nEnvironment:%n",
        footer = {"  SLUICE_JAVA_OPTS  extra JVM options for bin/sluice, e.g. -Xmx2g"})
public final class SluiceCommand implements Runnable {

    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    // Long-running servers log what they do; one-shot commands keep stderr for errors only.
    private static final Set<String> CHATTY_COMMANDS = Set.of("serve", "demo");

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    public SluiceCommand() {
        this(System.in);
    }

    /** @param stdin where {@code hash-password} reads the password from when there is no console */
    public SluiceCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        configureLogging(args);
        System.exit(new CommandLine(new SluiceCommand()).execute(args));
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command, e.g. `sluice query --help`");
    }

    /**
     * Sets slf4j-simple's level before the first logger exists (it reads the property once); an explicit {@code
     * -Dorg.slf4j.simpleLogger.defaultLogLevel} in SLUICE_JAVA_OPTS wins.
     */
    static void configureLogging(String[] args) {
        if (System.getProperty(LOG_LEVEL_PROPERTY) != null) {
            return;
        }
        String command = firstCommand(args);
        System.setProperty(LOG_LEVEL_PROPERTY, CHATTY_COMMANDS.contains(command) ? "info" : "warn");
    }

    private static String firstCommand(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }
}
