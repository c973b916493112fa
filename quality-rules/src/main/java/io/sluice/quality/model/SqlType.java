package io.sluice.quality.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A SQL type written in a rule file ({@code DATE}, {@code decimal(15,2)}, {@code varchar}): the target of {@code
 * type_castable} and the expected types of a {@code schema} rule. Common aliases of PostgreSQL, MySQL and DuckDB are
 * accepted ({@code int}, {@code text}, {@code numeric}, {@code bool}, {@code double precision}).
 *
 * @param name Calcite's name of the type
 * @param precision the length or precision in parentheses, if written
 * @param scale the scale of {@code decimal(p,s)}, if written
 */
public record SqlType(SqlTypeName name, OptionalInt precision, OptionalInt scale) {

    /** What a type looks like, for "expected …" messages. */
    public static final String EXPECTED = "a SQL type such as INTEGER, DECIMAL(15,2), DATE, TIMESTAMP or VARCHAR";

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d{1,4})\\s*(?:,\\s*(\\d{1,4})\\s*)?\\))?\\s*");

    private static final Map<String, SqlTypeName> ALIASES = Map.ofEntries(
            Map.entry("INT", SqlTypeName.INTEGER),
            Map.entry("INT2", SqlTypeName.SMALLINT),
            Map.entry("INT4", SqlTypeName.INTEGER),
            Map.entry("INT8", SqlTypeName.BIGINT),
            Map.entry("NUMERIC", SqlTypeName.DECIMAL),
            Map.entry("DEC", SqlTypeName.DECIMAL),
            Map.entry("DOUBLE PRECISION", SqlTypeName.DOUBLE),
            Map.entry("FLOAT8", SqlTypeName.DOUBLE),
            Map.entry("FLOAT4", SqlTypeName.REAL),
            Map.entry("BOOL", SqlTypeName.BOOLEAN),
            Map.entry("TEXT", SqlTypeName.VARCHAR),
            Map.entry("STRING", SqlTypeName.VARCHAR),
            Map.entry("CHARACTER VARYING", SqlTypeName.VARCHAR),
            Map.entry("CHARACTER", SqlTypeName.CHAR),
            Map.entry("DATETIME", SqlTypeName.TIMESTAMP),
            Map.entry("TIMESTAMP WITHOUT TIME ZONE", SqlTypeName.TIMESTAMP),
            Map.entry("TIMESTAMPTZ", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE),
            Map.entry("TIMESTAMP WITH TIME ZONE", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE),
            Map.entry("BYTEA", SqlTypeName.VARBINARY),
            Map.entry("BLOB", SqlTypeName.VARBINARY));

    public SqlType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(scale, "scale");
    }

    public static SqlType of(SqlTypeName name) {
        return new SqlType(name, OptionalInt.empty(), OptionalInt.empty());
    }

    /** Parses {@code text} such as {@code decimal(15, 2)}; empty when it names no SQL type Sluice knows. */
    public static Optional<SqlType> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String typeName = matcher.group(1).trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        SqlTypeName name = ALIASES.getOrDefault(typeName, SqlTypeName.get(typeName.replace(' ', '_')));
        if (name == null || !isColumnType(name)) {
            return Optional.empty();
        }
        OptionalInt precision = optionalInt(matcher.group(2));
        OptionalInt scale = optionalInt(matcher.group(3));
        if ((precision.isPresent() && !name.allowsPrec()) || (scale.isPresent() && !name.allowsScale())) {
            return Optional.empty();
        }
        return Optional.of(new SqlType(name, precision, scale));
    }

    // Calcite also names internal types (SYMBOL, CURSOR, …) that no table column has.
    private static boolean isColumnType(SqlTypeName name) {
        return SqlTypeName.ALL_TYPES.contains(name)
                && name != SqlTypeName.NULL
                && name != SqlTypeName.SYMBOL
                && name != SqlTypeName.ANY;
    }

    private static OptionalInt optionalInt(String digits) {
        return digits == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(digits));
    }

    @Override
    public String toString() {
        String text = name.getName().replace('_', ' ');
        if (precision.isEmpty()) {
            return text;
        }
        return text + "(" + precision.getAsInt() + (scale.isPresent() ? ", " + scale.getAsInt() : "") + ")";
    }
}
