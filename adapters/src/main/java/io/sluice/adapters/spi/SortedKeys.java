package io.sluice.adapters.spi;

import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A source that streams the distinct values of a key in one order every such source shares, whatever the collation of
 * its columns, so that the gateway can merge the keys of two sources one at a time (a foreign key across sources)
 * without holding either side. Offered through {@link SourceCapabilities#sortedKeys()}.
 *
 * <p>The order: text by Unicode code point (the order of its UTF-8 bytes), grouped by its exact characters (a
 * case-insensitive or accent-insensitive collation does not merge {@code a} and {@code A}; trailing spaces count);
 * numbers, dates and times by value.
 */
public interface SortedKeys {

    /**
     * Opens the distinct non-NULL values of the {@code column}th column (1-based) of {@code sql}, a statement in the
     * source's own SQL (e.g. the statement the planner pushed to it), each with the number of rows that carry it,
     * ascending in the order above. The source groups and sorts; the caller reads one key at a time.
     *
     * @param text whether the key is text (then it is ordered by code point, and read as a {@link String})
     * @throws SQLException when the source rejects the statement or is unavailable
     */
    Cursor open(String sql, int column, boolean text) throws SQLException;

    /** The keys, read one at a time; closing it ends the statement. */
    interface Cursor extends AutoCloseable {

        /** The next key, or null after the last one. */
        @Nullable
        Object next() throws SQLException;

        /** How many rows carry the current key. */
        long count() throws SQLException;

        /** The statement the source runs, in its own SQL, for reports. */
        String sql();

        @Override
        void close() throws SQLException;
    }
}
