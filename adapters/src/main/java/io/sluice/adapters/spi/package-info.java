/**
 * The one small interface a source kind implements: {@link io.sluice.adapters.spi.SourceAdapter} turns a config
 * section into a {@link io.sluice.adapters.spi.SourceConfig}, which opens a live {@link
 * io.sluice.adapters.spi.Source}. Adapters are discovered by their {@code type:} through {@link
 * java.util.ServiceLoader}.
 */
package io.sluice.adapters.spi;
