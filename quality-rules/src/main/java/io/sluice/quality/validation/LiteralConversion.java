package io.sluice.quality.validation;

import io.sluice.quality.model.Literal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Reads a {@link Literal} written in a rule file as a value of a column's type, as the value Calcite's {@code
 * RexBuilder.makeLiteral} takes for that type: {@link BigDecimal} for exact numbers, {@link Double} for approximate
 * ones, {@link Boolean}, {@link DateString}, {@link TimeString}, {@link TimestampString}, or {@link String}. Dates and
 * times are ISO 8601 ({@code 2024-01-31}, {@code 2024-01-31 13:45:00} or with {@code T}). Text columns take any value
 * as written ({@code 1} and {@code yes} stay {@code "1"} and {@code "yes"}).
 */
public final class LiteralConversion {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private LiteralConversion() {}

    /** The value of {@code literal} in {@code type}; empty when it is not a value of that type. */
    public static Optional<Comparable<?>> convert(Literal literal, RelDataType type) {
        String text = literal.text().trim();
        try {
            return Optional.ofNullable(
                    switch (family(type)) {
                        case CHARACTER -> literal.text();
                        case NUMERIC -> number(text, type);
                        case BOOLEAN -> bool(text);
                        case DATE -> new DateString(LocalDate.parse(text).toString());
                        case TIME -> timeString(LocalTime.parse(text));
                        case TIMESTAMP -> timestampString(LocalDateTime.parse(text, TIMESTAMP));
                        default -> null;
                    });
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** What a value of {@code type} looks like, for "expected …" messages. */
    public static String expected(RelDataType type) {
        return switch (family(type)) {
            case CHARACTER -> "text";
            case NUMERIC -> SqlTypeName.INT_TYPES.contains(type.getSqlTypeName()) ? "a whole number" : "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (YYYY-MM-DD)";
            case TIME -> "a time (HH:MM:SS)";
            case TIMESTAMP -> "a timestamp (YYYY-MM-DD HH:MM:SS)";
            default -> "a value of type " + type.getFullTypeString();
        };
    }

    /**
     * The families of values rules compare: the rest (binary, intervals, structured types) cannot be written as a
     * plain value in a rule file.
     */
    static SqlTypeFamily family(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (SqlTypeName.CHAR_TYPES.contains(name)) {
            return SqlTypeFamily.CHARACTER;
        }
        if (SqlTypeName.NUMERIC_TYPES.contains(name)) {
            return SqlTypeFamily.NUMERIC;
        }
        return switch (name) {
            case BOOLEAN -> SqlTypeFamily.BOOLEAN;
            case DATE -> SqlTypeFamily.DATE;
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> SqlTypeFamily.TIME;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> SqlTypeFamily.TIMESTAMP;
            default -> SqlTypeFamily.ANY;
        };
    }

    private static Comparable<?> number(String text, RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        if (name == SqlTypeName.DOUBLE || name == SqlTypeName.FLOAT || name == SqlTypeName.REAL) {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        }
        BigDecimal value = new BigDecimal(text);
        if (SqlTypeName.INT_TYPES.contains(name)) {
            value.toBigIntegerExact();
        }
        return value;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static TimeString timeString(LocalTime time) {
        return new TimeString(time.getHour(), time.getMinute(), time.getSecond())
                .withNanos(time.get(ChronoField.NANO_OF_SECOND));
    }

    private static TimestampString timestampString(LocalDateTime timestamp) {
        return new TimestampString(
                        timestamp.getYear(),
                        timestamp.getMonthValue(),
                        timestamp.getDayOfMonth(),
                        timestamp.getHour(),
                        timestamp.getMinute(),
                        timestamp.getSecond())
                .withNanos(timestamp.getNano());
    }
}
