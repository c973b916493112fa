package io.sluice.adapters.spi;

/**
 * A kind of source ({@code postgresql}, {@code mysql}, {@code duckdb}, later {@code files} and {@code rest}),
 * registered in {@code META-INF/services/io.sluice.adapters.spi.SourceAdapter} and chosen by the {@code type:} key of a
 * source in {@code sluice.yaml}.
 *
 * <p>Implementations are stateless; everything a source needs at run time lives in the {@link SourceConfig} they
 * return and the {@link Source} it opens.
 */
public interface SourceAdapter {

    /** The value of {@code type:} that selects this adapter, e.g. {@code "postgresql"}. */
    String type();

    /**
     * Reads and validates this adapter's section of the config. Every problem is reported through {@link
     * ConfigSection#error} (so the user sees all of them at once) and the method returns whatever it could read; the
     * loader discards the result when any error was reported. Keys the adapter never reads are reported by the loader as
     * unknown.
     */
    SourceConfig parse(ConfigSection section);
}
