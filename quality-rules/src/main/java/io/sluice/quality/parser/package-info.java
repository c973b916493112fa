/**
 * Reading rule files: SnakeYAML's positioned node tree bound to the records of {@code model}, every problem collected
 * as {@code file:line:col: rules[3].min: expected …, got …}, unknown keys and checks answered with "did you mean".
 * {@link io.sluice.quality.parser.RuleFileLoader} reads a directory; dbt's {@code schema.yml} is read by {@code
 * parser.dbt}.
 */
package io.sluice.quality.parser;
