package io.sluice.gateway.catalog;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The engine's type limits: DECIMAL up to 38 digits (what PostgreSQL, MySQL and DuckDB declare in practice; Calcite's
 * default stops at 19), so declared precisions survive the trip through the gateway.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {

    /** Referenced by name in the Calcite connection's {@code typeSystem} property. */
    public static final RelDataTypeSystem INSTANCE = new SluiceTypeSystem();

    static final int MAX_DECIMAL_PRECISION = 38;

    private SluiceTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
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
