/** DuckDB sources, in process: one database instance per source, a connection per query, streamed results. */
package io.sluice.adapters.jdbc.duckdb;
