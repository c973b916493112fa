/**
 * Import of dbt {@code schema.yml} files: the built-in generic tests ({@code not_null}, {@code unique}, {@code
 * accepted_values}, {@code relationships}) and a few common {@code dbt_utils} ones become Sluice rules, so that teams
 * that wrote dbt tests get inline checks without writing anything again.
 */
package io.sluice.quality.parser.dbt;
