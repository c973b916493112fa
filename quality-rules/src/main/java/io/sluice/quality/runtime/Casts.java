package io.sluice.quality.runtime;

import io.sluice.quality.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Whether text reads as a value of a SQL type, for the {@code type_castable} check. */
final class Casts {

    private static final Set<String> BOOLEANS = Set.of("true", "false", "t", "f", "yes", "no", "y", "n", "1", "0");

    private Casts() {}

    static Predicate<String> reader(SqlType type) {
        return switch (type.name()) {
            case TINYINT -> value -> integerWithin(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> value -> integerWithin(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> value -> integerWithin(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> value -> integerWithin(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case DECIMAL -> value -> isDecimal(value, type);
            case REAL, FLOAT, DOUBLE -> Casts::isFloatingPoint;
            case BOOLEAN -> value -> BOOLEANS.contains(value.strip().toLowerCase(Locale.ROOT));
            case DATE -> value -> parses(() -> LocalDate.parse(value.strip()));
            case TIME -> value -> parses(() -> LocalTime.parse(value.strip()));
            case TIMESTAMP -> value ->
                    parses(() -> LocalDateTime.parse(value.strip().replace(' ', 'T')));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> value ->
                    parses(() -> OffsetDateTime.parse(value.strip().replace(' ', 'T')))
                            || parses(() -> LocalDateTime.parse(value.strip().replace(' ', 'T')));
            case CHAR, VARCHAR -> value -> type.precision().isEmpty()
                    || value.codePointCount(0, value.length())
                            <= type.precision().getAsInt();
            default -> value -> true;
        };
    }

    private static boolean integerWithin(String value, long min, long max) {
        try {
            long number = Long.parseLong(value.strip());
            return number >= min && number <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A decimal number whose integer part fits the type's precision minus its scale (extra fraction rounds). */
    private static boolean isDecimal(String value, SqlType type) {
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (type.precision().isEmpty()) {
                return true;
            }
            int integerDigits = Math.max(0, number.precision() - number.scale());
            return integerDigits <= type.precision().getAsInt() - type.scale().orElse(0);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isFloatingPoint(String value) {
        try {
            Double.parseDouble(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
