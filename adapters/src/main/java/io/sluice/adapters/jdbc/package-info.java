/**
 * Shared code for sources reached through JDBC, on top of Calcite's JDBC adapter: pooled, streaming connections, exact
 * column types, row-count statistics for the cost model, and one {@link org.apache.calcite.adapter.jdbc.JdbcConvention}
 * per source so that everything one source can run is pushed to it as one statement. Each dialect lives in its own
 * sub-package.
 */
package io.sluice.adapters.jdbc;
