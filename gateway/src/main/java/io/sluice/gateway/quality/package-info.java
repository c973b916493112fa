/**
 * Quality rules inside query plans: a {@link io.sluice.gateway.quality.QualityGate} above every scan of a table with
 * row rules checks each row the query reads, in generated code, and counts, drops, quarantines or fails.
 */
package io.sluice.gateway.quality;
