/**
 * The rule model: immutable records under two sealed interfaces, {@link io.sluice.quality.model.RowRule} (judged per
 * row, inline on every query and in scans) and {@link io.sluice.quality.model.DatasetRule} (judged over a whole table,
 * in scans), grouped per rule file in {@link io.sluice.quality.model.TableRules} and per directory in {@link
 * io.sluice.quality.model.RuleSet}.
 */
package io.sluice.quality.model;
