/**
 * The JDBC endpoint: Avatica's HTTP server (protobuf) over engine sessions, plus a side channel at {@code /sluice/v1/}
 * for what Avatica's protocol lacks (cancelling a running query).
 */
package io.sluice.gateway.server.jdbc;
