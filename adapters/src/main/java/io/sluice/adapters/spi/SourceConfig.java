package io.sluice.adapters.spi;

/**
 * The validated, immutable settings of one source (an adapter's own record), able to open the live source. Its
 * {@code toString()} must never show a secret.
 */
public interface SourceConfig {

    /** The adapter type this config belongs to, e.g. {@code "postgresql"}. */
    String type();

    /**
     * Opens the source: creates its pools and reads its catalog lazily. Opening must not fail because the source is
     * unreachable right now; an unreachable source is reported by {@link Source#checkHealth()} and by the queries that
     * need it, so that the gateway keeps serving every other source.
     *
     * @param name the source's name in the config, which becomes its catalog name
     * @param context what the gateway offers every source
     */
    Source open(String name, SourceContext context);
}
