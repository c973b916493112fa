package io.sluice.gateway.catalog;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The engine's type limits: DECIMAL up to 38 digits (what PostgreSQL, MySQL and DuckDB declare in practice; Calcite's
 * default stops at 19), so declared precisions survive the trip through the gateway; TIME and TIMESTAMP up to 6
 * fractional digits (microseconds, as all three declare; Calcite's default stops at 3), so that a literal such as
 * {@code TIMESTAMP '2024-03-10 12:34:56.123456'} reaches a source intact instead of rounded to milliseconds. Values
 * themselves still carry milliseconds only: Calcite's runtime and Avatica's wire keep date-times as epoch milliseconds.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {

    /** Referenced by name in the Calcite connection's {@code typeSystem} property. */
    public static final RelDataTypeSystem INSTANCE = new SluiceTypeSystem();

    static final int MAX_DECIMAL_PRECISION = 38;
    static final int MAX_FRACTIONAL_SECOND_DIGITS = 6;

    private SluiceTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL_PRECISION;
            case TIME,
                    TIME_WITH_LOCAL_TIME_ZONE,
                    TIMESTAMP,
                    TIMESTAMP_WITH_LOCAL_TIME_ZONE -> MAX_FRACTIONAL_SECOND_DIGITS;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
