package io.sluice.gateway.cli;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;

/** The exit codes of every {@code sluice} command, and their descriptions for the usage footer. */
final class ExitCodes {

    static final int OK = 0;
    /** A query failed, a source is down or failed, or the gateway could not start. */
    static final int FAILED = 1;
    /** The config file is invalid; every problem is listed as file:line:col. */
    static final int CONFIG_INVALID = 3;

    // Annotation values must be constants, hence one string per line of the usage footer.
    static final String OK_ENTRY = "0:success";
    static final String FAILED_ENTRY = "1:query or source error (or a source is down, for `sources`)";
    // 2 is picocli's own code for bad options or arguments (CommandLine.ExitCode.USAGE).
    static final String USAGE_ENTRY = "2:usage error: unknown option, missing argument";
    static final String CONFIG_INVALID_ENTRY = "3:invalid config or rule files (each problem shown as file:line:col)";

    private ExitCodes() {}

    /** The exit code for an error that reached the user. */
    static int of(SluiceException error) {
        return error.code() == ErrorCode.CONFIG_INVALID ? CONFIG_INVALID : FAILED;
    }
}
