package io.sluice.gateway.quality.scan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * How the cross-source merge orders and matches key values: numbers by value whatever their Java type (an INTEGER on
 * one side equals a BIGINT or DECIMAL on the other), text by UTF-16 code units, anything else by its natural order
 * when both sides have the same type.
 */
final class KeyOrder {

    private KeyOrder() {}

    static int compare(Object left, Object right) throws SQLException {
        if (left instanceof Number a && right instanceof Number b) {
            if (isIntegral(a) && isIntegral(b)) {
                return Long.compare(a.longValue(), b.longValue());
            }
            return decimal(a).compareTo(decimal(b));
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) left;
            return comparable.compareTo(right);
        }
        throw new SQLException("Cannot compare a key of type " + left.getClass().getSimpleName() + " with one of type "
                + right.getClass().getSimpleName() + "; the foreign key's columns need comparable types");
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        return isIntegral(number) ? BigDecimal.valueOf(number.longValue()) : new BigDecimal(number.toString());
    }
}
