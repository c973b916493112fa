package io.sluice.gateway.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Result rows as comparable text, whichever client read them: decimals without trailing zeros, integers of any width
 * alike, everything else as {@code String.valueOf}.
 */
public final class TestingRows {

    private TestingRows() {}

    public static List<List<String>> of(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return of(rs);
        }
    }

    public static List<List<String>> of(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(text(rs.getObject(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every row of a Flight stream, read to its end. */
    public static List<List<String>> of(FlightStream stream) {
        List<List<String>> rows = new ArrayList<>();
        while (stream.next()) {
            VectorSchemaRoot root = stream.getRoot();
            for (int r = 0; r < root.getRowCount(); r++) {
                List<String> row = new ArrayList<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    row.add(text(vector.getObject(r)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d
                ? d.stripTrailingZeros().toPlainString()
                : value instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(value);
    }
}
