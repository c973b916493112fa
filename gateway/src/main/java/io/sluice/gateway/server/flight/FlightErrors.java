package io.sluice.gateway.server.flight;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.ErrorFlightMetadata;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Translates errors to Flight statuses at the Flight edge: the status code from the {@link ErrorCode}, the description
 * {@code "CODE: message"} (as over JDBC) and the code name again in the {@value #CODE_METADATA_KEY} metadata entry.
 */
final class FlightErrors {

    /** The status metadata key carrying the Sluice error code name. */
    static final String CODE_METADATA_KEY = "sluice-error-code";

    private final ErrorTranslator translator;

    FlightErrors(ErrorTranslator translator) {
        this.translator = translator;
    }

    /** A Flight exception for anything a request threw; Flight exceptions pass unchanged. */
    FlightRuntimeException toFlight(Throwable error) {
        if (error instanceof FlightRuntimeException flight) {
            return flight;
        }
        return toFlight(translator.translate(error));
    }

    static FlightRuntimeException toFlight(SluiceException error) {
        ErrorFlightMetadata metadata = new ErrorFlightMetadata();
        metadata.insert(CODE_METADATA_KEY, error.code().name());
        return status(error.code())
                .withDescription(error.clientMessage())
                .withCause(error)
                .withMetadata(metadata)
                .toRuntimeException();
    }

    /** The Flight status for an error code. */
    static CallStatus status(ErrorCode code) {
        return switch (code) {
                // A violated fail rule is a data exception (SQLSTATE class 22), as a failing CAST is: the query's
                // input, not
                // the server, is at fault.
            case QUERY_SYNTAX, QUERY_INVALID, COLUMN_NOT_FOUND, CONFIG_INVALID, QUALITY_FAILED -> CallStatus
                    .INVALID_ARGUMENT;
            case TABLE_NOT_FOUND, SCHEMA_NOT_FOUND -> CallStatus.NOT_FOUND;
            case AUTHENTICATION_FAILED -> CallStatus.UNAUTHENTICATED;
            case PERMISSION_DENIED -> CallStatus.UNAUTHORIZED;
            case SOURCE_UNAVAILABLE -> CallStatus.UNAVAILABLE;
            case QUERY_CANCELLED -> CallStatus.CANCELLED;
            case QUERY_TIMEOUT -> CallStatus.TIMED_OUT;
            case RESOURCE_EXHAUSTED -> CallStatus.RESOURCE_EXHAUSTED;
            case NOT_SUPPORTED -> CallStatus.UNIMPLEMENTED;
            case SOURCE_ERROR, INTERNAL_ERROR -> CallStatus.INTERNAL;
        };
    }
}
