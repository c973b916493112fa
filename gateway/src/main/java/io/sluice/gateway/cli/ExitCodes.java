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
    /** {@code sluice check}: no {@code fail} rule was violated, but some rule could not be checked. */
    static final int CHECK_INCOMPLETE = 4;

    // Annotation values must be constants, hence one string per line of the usage footer.
    static final String OK_ENTRY = "0:success";
    static final String FAILED_ENTRY =
            "1:query or source error (a source is down, for `sources`; a `fail` rule is violated, for `check`)";
    // 2 is picocli's own code for bad options or arguments (CommandLine.ExitCode.USAGE).
    static final String USAGE_ENTRY = "2:usage error: unknown option, missing argument";
    static final String CONFIG_INVALID_ENTRY = "3:invalid config or rule files (each problem shown as file:line:col)";
    static final String CHECK_INCOMPLETE_ENTRY = "4:`check`: some rule could not be checked (e.g. its source is down)";

    private ExitCodes() {}

    /** The exit code for an error that reached the user. */
    static int of(SluiceException error) {
        return error.code() == ErrorCode.CONFIG_INVALID ? CONFIG_INVALID : FAILED;
    }
}
