/**
 * The embedded demo: TPC-H data generated on first start into two DuckDB files ({@code warehouse} and {@code crm}),
 * the config that serves them, and example queries, so that Sluice can be tried without any database server.
 */
package io.sluice.gateway.demo;
