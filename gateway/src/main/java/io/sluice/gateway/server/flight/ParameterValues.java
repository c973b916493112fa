package io.sluice.gateway.server.flight;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/**
 * Reads the parameter values a client binds to a prepared statement through DoPut: one row of a batch with one column
 * per parameter, converted to the Java values JDBC's {@code setObject} takes.
 */
final class ParameterValues {

    private ParameterValues() {}

    /** The values of the single parameter row in {@code stream}; empty when the client sent no row. */
    static List<Object> read(FlightStream stream) {
        List<Object> values = null;
        while (stream.next()) {
            VectorSchemaRoot root = stream.getRoot();
            int rows = root.getRowCount();
            if (rows == 0) {
                continue;
            }
            if (rows > 1 || values != null) {
                throw CallStatus.INVALID_ARGUMENT
                        .withDescription("NOT_SUPPORTED: a query takes one set of parameter values, got more")
                        .toRuntimeException();
            }
            values = new ArrayList<>();
            for (FieldVector vector : root.getFieldVectors()) {
                values.add(value(vector, 0));
            }
        }
        return values == null ? List.of() : values;
    }

    private static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof DateDayVector days) {
            return Date.valueOf(LocalDate.ofEpochDay(days.get(row)));
        }
        Object value = vector.getObject(row);
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return Timestamp.valueOf(dateTime);
        }
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        if (value instanceof LocalTime time) {
            return Time.valueOf(time);
        }
        return value;
    }
}
