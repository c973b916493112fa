/**
 * Declarative data-quality rules: {@link io.sluice.quality.QualityRules} loads a directory of rule files, checks them
 * against the tables they name and reports every problem as a {@link io.sluice.quality.RuleProblem} ({@code
 * file:line:col: rules[3].min: message}); the model lives in {@code model}, reading in {@code parser}, checking against
 * real columns in {@code validation}.
 */
package io.sluice.quality;
