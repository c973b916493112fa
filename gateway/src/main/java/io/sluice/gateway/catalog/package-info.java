/** The catalog: every configured source as a sub-schema of one Calcite root, addressed {@code source.schema.table}. */
package io.sluice.gateway.catalog;
