package io.sluice.adapters.spi;

import java.sql.SQLTransientConnectionException;

/**
 * The source could not be reached or refused the connection. Thrown by a source's {@code DataSource} (hence an {@code
 * SQLException}) and carries the source's name, so that the gateway can report {@code SOURCE_UNAVAILABLE} naming it
 * wherever in a query it surfaces. The message never contains a secret.
 */
public final class SourceUnavailableException extends SQLTransientConnectionException {

    private final String sourceName;

    public SourceUnavailableException(String sourceName, String message, Throwable cause) {
        super(message, "08001", cause);
        this.sourceName = sourceName;
    }

    public String sourceName() {
        return sourceName;
    }
}
