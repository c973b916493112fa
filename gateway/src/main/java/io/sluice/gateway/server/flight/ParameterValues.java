package io.sluice.gateway.server.flight;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/**
 * Reads the parameter values a client binds to a prepared statement through DoPut: rows of batches with one column per
 * parameter, converted to the Java values JDBC's {@code setObject} takes.
 */
final class ParameterValues {

    private ParameterValues() {}

    /**
     * The parameter rows in {@code stream}, in order, each with one value per parameter: Flight SQL runs the query once
     * per row and concatenates the results.
     */
    static List<List<Object>> read(FlightStream stream) {
        List<List<Object>> rows = new ArrayList<>();
        while (stream.next()) {
            VectorSchemaRoot root = stream.getRoot();
            for (int row = 0; row < root.getRowCount(); row++) {
                List<Object> values = new ArrayList<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    values.add(value(vector, row));
                }
                rows.add(values);
            }
        }
        return rows;
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
