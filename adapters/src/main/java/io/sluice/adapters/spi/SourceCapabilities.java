package io.sluice.adapters.spi;

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

    /** A source that can do nothing beyond scanning. */
    SourceCapabilities NONE = new SourceCapabilities() {};
}
