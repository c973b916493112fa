/** Query lifecycle: engine connections, running queries, cancellation and timeouts. */
package io.sluice.gateway.execution;
