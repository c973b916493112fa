package io.sluice.gateway.catalog;

import java.sql.DatabaseMetaData;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The data types clients can meet in the gateway's results and columns, as JDBC's {@code getTypeInfo} and Flight SQL's
 * {@code GetXdbcTypeInfo} both describe them: one list, derived from the engine's type system, so that both protocols
 * tell the same and agree with {@link ColumnDescription} (same type names, sizes and radix as {@code getColumns}).
 */
public final class SupportedTypes {

    /** The engine types a result column can have; Calcite's internal and structured types never reach a client. */
    private static final List<SqlTypeName> TYPES = List.of(
            SqlTypeName.BOOLEAN,
            SqlTypeName.TINYINT,
            SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER,
            SqlTypeName.BIGINT,
            SqlTypeName.DECIMAL,
            SqlTypeName.REAL,
            SqlTypeName.FLOAT,
            SqlTypeName.DOUBLE,
            SqlTypeName.CHAR,
            SqlTypeName.VARCHAR,
            SqlTypeName.BINARY,
            SqlTypeName.VARBINARY,
            SqlTypeName.DATE,
            SqlTypeName.TIME,
            SqlTypeName.TIMESTAMP,
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    private SupportedTypes() {}

    /**
     * One type as {@code getTypeInfo} describes it.
     *
     * @param name {@code TYPE_NAME}, as {@code getColumns} names columns of this type
     * @param jdbcType {@code DATA_TYPE}
     * @param precision the largest {@code COLUMN_SIZE} a column of this type can have
     * @param literalPrefix what starts a literal, null where none
     * @param literalSuffix what ends a literal, null where none
     * @param createParams the parameters the type takes in a declaration (e.g. {@code precision, scale})
     * @param caseSensitive whether values compare case-sensitively in the engine
     * @param searchable {@code DatabaseMetaData.typeSearchable} (LIKE too) or {@code typePredBasic}
     * @param unsigned whether it is unsigned; null where it does not apply
     * @param minimumScale smallest scale, null where it does not apply
     * @param maximumScale largest scale, null where it does not apply
     * @param radix 10 for numbers, null for the others
     */
    public record TypeInfo(
            String name,
            int jdbcType,
            Integer precision,
            String literalPrefix,
            String literalSuffix,
            List<String> createParams,
            boolean caseSensitive,
            int searchable,
            Boolean unsigned,
            Integer minimumScale,
            Integer maximumScale,
            Integer radix) {

        /** JDBC's {@code CREATE_PARAMS}: the parameter names separated by commas, null when none. */
        public String createParamsText() {
            return createParams.isEmpty() ? null : String.join(",", createParams);
        }
    }

    /** Every supported type, ordered by JDBC type code as {@code getTypeInfo} requires. */
    public static List<TypeInfo> all() {
        RelDataTypeFactory types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
        return TYPES.stream()
                .map(name -> describe(types, name))
                .sorted(Comparator.comparingInt(TypeInfo::jdbcType))
                .toList();
    }

    /** The supported types with JDBC type code {@code jdbcType}. */
    public static List<TypeInfo> withJdbcType(int jdbcType) {
        return all().stream().filter(type -> type.jdbcType() == jdbcType).toList();
    }

    private static TypeInfo describe(RelDataTypeFactory types, SqlTypeName name) {
        RelDataTypeSystem system = types.getTypeSystem();
        RelDataType widest = name.allowsPrec()
                ? name.allowsScale()
                        ? types.createSqlType(name, system.getMaxPrecision(name), 0)
                        : types.createSqlType(name, system.getMaxPrecision(name))
                : types.createSqlType(name);
        ColumnDescription column = ColumnDescription.of("", 1, widest, null);
        boolean numeric = SqlTypeUtil.isNumeric(widest);
        boolean text = SqlTypeUtil.isCharacter(widest);
        boolean binary = SqlTypeUtil.isBinary(widest);
        return new TypeInfo(
                column.typeName(),
                column.jdbcType(),
                column.columnSize(),
                binary ? "X'" : system.getLiteral(name, true),
                system.getLiteral(name, false),
                createParams(name),
                text,
                text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic,
                numeric ? Boolean.FALSE : null,
                scale(name, system, true),
                scale(name, system, false),
                column.radix());
    }

    private static List<String> createParams(SqlTypeName name) {
        return switch (name) {
            case DECIMAL -> List.of("precision", "scale");
            case CHAR, VARCHAR, BINARY, VARBINARY -> List.of("length");
            case TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> List.of("precision");
            default -> List.of();
        };
    }

    /** Scale in JDBC's sense: digits after the point of a DECIMAL, fractional second digits of a date-time. */
    private static Integer scale(SqlTypeName name, RelDataTypeSystem system, boolean minimum) {
        return switch (name) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DATE -> 0;
            case DECIMAL -> minimum ? 0 : system.getMaxScale(name);
            case TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> minimum ? 0 : system.getMaxPrecision(name);
            default -> null;
        };
    }
}
