/**
 * The Sluice JDBC driver, a thin client for BI tools: {@link io.sluice.jdbc.Driver} accepts
 * {@code jdbc:sluice://host:port} URLs, parses them with their {@link
 * io.sluice.jdbc.SluiceConnectionProperty properties}, and talks to the gateway through Avatica's
 * remote client (HTTP + protobuf), plus a small side channel for what Avatica lacks (cancel).
 *
 * <p>Only {@code Driver} and {@code SluiceConnectionProperty} are public; connections, statements
 * and the side-channel client are package-private extensions of Avatica's classes. The module
 * ships as one shaded jar with Avatica and its dependencies relocated under
 * {@code io.sluice.jdbc.shaded} (so the protobuf message names that Avatica puts on the wire are
 * translated back, see {@code WireNameTranslation}); it depends on no other Sluice module.
 */
package io.sluice.jdbc;
