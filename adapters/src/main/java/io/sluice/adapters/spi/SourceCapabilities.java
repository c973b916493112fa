package io.sluice.adapters.spi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Optional abilities of a source, in the manner of Caffeine's {@code Cache.policy()}: new abilities are added here, with
 * defaults, instead of growing {@link Source}.
 */
public interface SourceCapabilities {

    /** Estimated number of rows of {@code schema.table}, when the source keeps statistics. */
    default OptionalLong rowCount(String schema, String table) {
        return OptionalLong.empty();
    }

    /** The columns of {@code schema.table}'s primary key in key order; empty when it has none or the source cannot tell. */
    default List<String> primaryKey(String schema, String table) {
        return List.of();
    }

    /**
     * The source's Arrow export, when it can hand a result over as Arrow batches (see {@link ArrowExport}); empty for
     * sources that deliver rows only through JDBC.
     */
    default Optional<ArrowExport> arrowExport() {
        return Optional.empty();
    }

    /**
     * The source's sorted key streams, when it can group and sort keys in the order shared by every source that offers
     * them (see {@link SortedKeys}); empty otherwise.
     */
    default Optional<SortedKeys> sortedKeys() {
        return Optional.empty();
    }

    /** A source that can do nothing beyond scanning. */
    SourceCapabilities NONE = new SourceCapabilities() {};
}
