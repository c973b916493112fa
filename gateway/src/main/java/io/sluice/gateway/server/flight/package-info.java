/**
 * The Arrow Flight SQL server: a {@code FlightSqlProducer} over the same engine, catalog, users and cancellation
 * registry as the JDBC server, streaming results as Arrow record batches.
 */
package io.sluice.gateway.server.flight;
