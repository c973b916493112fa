/** Fixtures for gateway integration tests: a gateway on a free port over real sources. */
package io.sluice.gateway.testing;
