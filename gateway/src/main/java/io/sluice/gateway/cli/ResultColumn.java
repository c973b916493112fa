package io.sluice.gateway.cli;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of a query result as the output formats see it: its label, whether it holds numbers (aligned right,
 * unquoted in JSON) or booleans, and how to read a cell as text.
 */
record ResultColumn(String label, int sqlType) {

    static List<ResultColumn> of(ResultSetMetaData metaData) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(new ResultColumn(metaData.getColumnLabel(i), metaData.getColumnType(i)));
        }
        return columns;
    }

    boolean numeric() {
        return switch (sqlType) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE,
                    Types.DECIMAL,
                    Types.NUMERIC -> true;
            default -> false;
        };
    }

    boolean bool() {
        return sqlType == Types.BOOLEAN || sqlType == Types.BIT;
    }

    /** The cell at 1-based {@code index} of the current row as text, or null for SQL NULL. */
    String text(ResultSet row, int index) throws SQLException {
        if (sqlType == Types.DECIMAL || sqlType == Types.NUMERIC) {
            // toPlainString: never scientific notation for money, whatever the driver's getString does.
            BigDecimal value = row.getBigDecimal(index);
            return value == null ? null : value.toPlainString();
        }
        return row.getString(index);
    }
}
