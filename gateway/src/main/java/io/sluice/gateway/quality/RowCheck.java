package io.sluice.gateway.quality;

import java.util.Objects;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.util.mapping.Mappings;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row rule as a gate evaluates it: a boolean expression over the gate's input row that is TRUE exactly when the
 * row violates the rule (NULL never counts as a violation), and the input field whose value is reported as a sample.
 *
 * @param rule the rule's name, unique within its table
 * @param column the column the rule is about, for messages; null for rules over the whole row
 * @param action what a violation does
 * @param violated NOT NULL boolean over the input row
 * @param sampleField the input field shown as the offending value, or -1
 */
public record RowCheck(String rule, @Nullable String column, CheckAction action, RexNode violated, int sampleField) {

    public RowCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(violated, "violated");
    }

    /** This check with its condition rewritten as {@code violated}, e.g. for another reading of the same row. */
    RowCheck withViolated(RexNode violated) {
        return new RowCheck(rule, column, action, violated, sampleField);
    }

    /** This check over an input whose fields moved as {@code mapping} says (source field → target field). */
    RowCheck remap(Mappings.TargetMapping mapping) {
        RexNode moved = violated.accept(new RexPermuteInputsShuttle(mapping));
        return new RowCheck(rule, column, action, moved, sampleField < 0 ? -1 : mapping.getTarget(sampleField));
    }
}
