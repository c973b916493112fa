/**
 * Test fixtures for the real servers {@code scripts/test} starts: endpoints of the local PostgreSQL and MariaDB
 * ({@link io.sluice.adapters.testing.TestingPostgreSqlServer}, {@link io.sluice.adapters.testing.TestingMariaDbServer})
 * and readers of what those servers received, to prove pushdown. Shipped to other modules as this module's test-jar.
 */
package io.sluice.adapters.testing;
