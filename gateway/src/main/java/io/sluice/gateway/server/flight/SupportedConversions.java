package io.sluice.gateway.server.flight;

import io.sluice.gateway.catalog.SluiceTypeSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportsConvert;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code SQL_SUPPORTS_CONVERT}: which types {@code CAST} turns into which, as the engine's validator decides it
 * (Calcite's cast rules over the gateway's type system), for the types the protocol names.
 */
final class SupportedConversions {

    private SupportedConversions() {}

    /** From each convertible type (a {@link SqlSupportsConvert} number) to the numbers it converts to. */
    static Map<Integer, List<Integer>> map() {
        RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
        Map<Integer, List<Integer>> map = new LinkedHashMap<>();
        for (SqlSupportsConvert from : SqlSupportsConvert.values()) {
            if (from == SqlSupportsConvert.UNRECOGNIZED) {
                continue;
            }
            List<Integer> targets = new ArrayList<>();
            for (SqlSupportsConvert to : SqlSupportsConvert.values()) {
                if (to != SqlSupportsConvert.UNRECOGNIZED
                        && SqlTypeUtil.canCastFrom(type(types, to), type(types, from), true)) {
                    targets.add(to.getNumber());
                }
            }
            map.put(from.getNumber(), List.copyOf(targets));
        }
        return map;
    }

    private static RelDataType type(RelDataTypeFactory types, SqlSupportsConvert convert) {
        return switch (convert) {
            case SQL_CONVERT_BIGINT -> types.createSqlType(SqlTypeName.BIGINT);
            case SQL_CONVERT_BINARY -> types.createSqlType(SqlTypeName.BINARY);
            case SQL_CONVERT_BIT -> types.createSqlType(SqlTypeName.BOOLEAN);
            case SQL_CONVERT_CHAR -> types.createSqlType(SqlTypeName.CHAR);
            case SQL_CONVERT_DATE -> types.createSqlType(SqlTypeName.DATE);
            case SQL_CONVERT_DECIMAL, SQL_CONVERT_NUMERIC -> types.createSqlType(SqlTypeName.DECIMAL);
            case SQL_CONVERT_FLOAT -> types.createSqlType(SqlTypeName.FLOAT);
            case SQL_CONVERT_INTEGER -> types.createSqlType(SqlTypeName.INTEGER);
            case SQL_CONVERT_INTERVAL_DAY_TIME -> types.createSqlIntervalType(new SqlIntervalQualifier(
                    org.apache.calcite.avatica.util.TimeUnit.DAY,
                    org.apache.calcite.avatica.util.TimeUnit.SECOND,
                    SqlParserPos.ZERO));
            case SQL_CONVERT_INTERVAL_YEAR_MONTH -> types.createSqlIntervalType(new SqlIntervalQualifier(
                    org.apache.calcite.avatica.util.TimeUnit.YEAR,
                    org.apache.calcite.avatica.util.TimeUnit.MONTH,
                    SqlParserPos.ZERO));
            case SQL_CONVERT_LONGVARBINARY, SQL_CONVERT_VARBINARY -> types.createSqlType(SqlTypeName.VARBINARY);
            case SQL_CONVERT_LONGVARCHAR, SQL_CONVERT_VARCHAR -> types.createSqlType(SqlTypeName.VARCHAR);
            case SQL_CONVERT_REAL -> types.createSqlType(SqlTypeName.REAL);
            case SQL_CONVERT_SMALLINT -> types.createSqlType(SqlTypeName.SMALLINT);
            case SQL_CONVERT_TIME -> types.createSqlType(SqlTypeName.TIME);
            case SQL_CONVERT_TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP);
            case SQL_CONVERT_TINYINT -> types.createSqlType(SqlTypeName.TINYINT);
            case UNRECOGNIZED -> throw new IllegalArgumentException("no type for " + convert);
        };
    }
}
