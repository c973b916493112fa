/**
 * Where quality outcomes and quarantined rows are kept: a database reached through the same adapters as sources (an
 * embedded DuckDB file by default, PostgreSQL for shared deployments), read back as {@code sluice.*} system tables.
 */
package io.sluice.gateway.quality.store;
