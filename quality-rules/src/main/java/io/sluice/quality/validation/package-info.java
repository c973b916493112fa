/**
 * Checking rules against the tables they name: {@link io.sluice.quality.validation.RuleValidator} looks each table up
 * through a {@link io.sluice.quality.validation.TableSchemaLookup} supplied by the caller and reports unknown tables and
 * columns, values of the wrong type for their column, checks that do not apply to a column's type, and SQL that does
 * not type-check or is not boolean.
 */
package io.sluice.quality.validation;
