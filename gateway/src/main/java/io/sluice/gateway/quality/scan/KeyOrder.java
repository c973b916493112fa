package io.sluice.gateway.quality.scan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;

/**
 * How the cross-source merge orders and matches key values: numbers by value whatever their Java type (an INTEGER on
 * one side equals a BIGINT or DECIMAL on the other), text by Unicode code point (the order in which the sources sort it
 * for the merge, see {@link io.sluice.adapters.spi.SortedKeys}), anything else by its natural order when both sides have
 * the same type.
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
        if (left instanceof String a && right instanceof String b) {
            return compareCodePoints(a, b);
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) left;
            return comparable.compareTo(right);
        }
        throw new SQLException("Cannot compare a key of type " + left.getClass().getSimpleName() + " with one of type "
                + right.getClass().getSimpleName() + "; the foreign key's columns need comparable types");
    }

    /**
     * Text in Unicode code point order, the order of its UTF-8 bytes, in which the sources sort keys for the merge
     * ({@link String#compareTo} compares UTF-16 code units, which puts characters beyond U+FFFF before U+E000–U+FFFF).
     */
    static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
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
