package io.sluice.adapters.spi;

import org.apache.calcite.schema.Schema;

/**
 * One live source: a Calcite schema whose sub-schemas are the source's own schemas, plus health, capabilities and
 * statistics. Thread-safe; shared by every session of the gateway.
 */
public interface Source extends AutoCloseable {

    /** The source's name in the config; tables are addressed {@code name.schema.table}. */
    String name();

    /**
     * The Calcite schema for this source: its sub-schemas are the source's schemas, and their tables push down as much
     * of a query as the source can run. Must not block on the network; tables are listed when first needed.
     */
    Schema schema();

    /** Probes the source now (with a short timeout) and reports whether it answers. Never throws. */
    SourceHealth checkHealth();

    /** What this source can do beyond scanning; rare abilities live here so that this interface stays small. */
    SourceCapabilities capabilities();

    /** Releases pools and connections. Idempotent. */
    @Override
    void close();
}
