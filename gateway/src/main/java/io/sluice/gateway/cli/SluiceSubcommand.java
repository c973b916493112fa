package io.sluice.gateway.cli;

import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands: runs the command and turns any error into {@code ERROR CODE: message} on stderr and a
 * documented exit code, so that no stack trace reaches the user (and this holds however the command line was built).
 */
abstract class SluiceSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Does the work and returns the exit code; throws (preferably a {@link SluiceException}) on failure. */
    abstract int run() throws Exception;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Query commands translate errors themselves (they know the source names); this catches the rest.
            return report(new ErrorTranslator(List.of()).translate(e));
        } finally {
            out().flush();
            err().flush();
        }
    }

    private int report(SluiceException error) {
        err().println("ERROR " + error.clientMessage());
        return ExitCodes.of(error);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
