package io.sluice.gateway.execution;

/**
 * What unqualified table names of a session resolve against: with a catalog (a source), {@code schema.table} names a
 * table of that source; with a schema too, a bare {@code table} names one of that schema. Fully qualified names
 * ({@code source.schema.table}) always work.
 *
 * @param catalog the default source, or null
 * @param schema the default schema of that source, or null; never set without a catalog
 */
public record SessionDefaults(String catalog, String schema) {

    /** No defaults: every name is qualified from the root. */
    public static final SessionDefaults NONE = new SessionDefaults(null, null);

    public SessionDefaults {
        if (schema != null && catalog == null) {
            throw new IllegalArgumentException("a default schema needs a default catalog");
        }
    }
}
