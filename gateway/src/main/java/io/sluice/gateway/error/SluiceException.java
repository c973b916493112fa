package io.sluice.gateway.error;

import java.util.Objects;

/**
 * A user-facing error: a stable {@link ErrorCode} and a message that names what to fix. Translated to a {@code
 * SQLException} with SQLSTATE at the JDBC edge and to a Flight status at the Flight edge, nowhere else.
 */
public class SluiceException extends RuntimeException {

    private final ErrorCode code;

    public SluiceException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public SluiceException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The message as clients see it, prefixed by the code: {@code "TABLE_NOT_FOUND: Table 'x' not found …"}. */
    public String clientMessage() {
        return code.name() + ": " + getMessage();
    }
}
