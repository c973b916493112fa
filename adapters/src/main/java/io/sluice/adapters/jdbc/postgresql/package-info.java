/** PostgreSQL sources: streaming through cursors, statistics from {@code pg_class}, PostgreSQL's own types. */
package io.sluice.adapters.jdbc.postgresql;
