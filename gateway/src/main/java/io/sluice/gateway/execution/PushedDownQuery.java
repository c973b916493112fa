package io.sluice.gateway.execution;

import io.sluice.adapters.jdbc.SourceToEnumerableConverter;
import io.sluice.gateway.quality.QualityGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Pair;

/**
 * A query the planner pushed down whole into one source: the physical plan's root is a single {@link
 * SourceToEnumerableConverter}, so the source's answer to {@link #sql} is the query's answer row for row, its columns
 * picked by {@link #columns} (a query may sort by a column it does not return).
 *
 * <p>Or the scan of one table with row rules: a {@link QualityGate} directly over the converter, perhaps under a
 * projection that drops the columns only the rules read. The source's answer is then the query's answer once every row
 * has passed the {@link #gate}.
 *
 * @param source the source's name in the config
 * @param sql the statement sent to the source, written as {@code EXPLAIN} shows it
 * @param columns for each column of the query's result, the (0-based) column of the source's result it is
 * @param tables the source tables it reads, as qualified names ({@code [source, schema, table]})
 * @param gate the inline checks the source's rows must pass, if the table read has row rules
 */
public record PushedDownQuery(
        String source, String sql, List<Integer> columns, List<List<String>> tables, Optional<QualityGate> gate) {

    /** What the plan of a statement prepared on this thread was. Close it to stop listening. */
    public static PlanCapture capture() {
        return new PlanCapture();
    }

    /** Listens, on the calling thread only, for the physical plan Calcite is about to implement. */
    public static final class PlanCapture implements AutoCloseable {
        private final Hook.Closeable hook;
        private Optional<PushedDownQuery> query = Optional.empty();

        private PlanCapture() {
            this.hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot root) -> query = of(root));
        }

        /** The pushed-down query of the last statement planned while this capture was open, if it was one. */
        public Optional<PushedDownQuery> query() {
            return query;
        }

        @Override
        public void close() {
            hook.close();
        }
    }

    static Optional<PushedDownQuery> of(RelRoot root) {
        if (!root.kind.belongsTo(SqlKind.QUERY)) {
            return Optional.empty();
        }
        RelNode rel = root.rel;
        List<Integer> columns = List.copyOf(Pair.left(root.fields));
        QualityGate gate = null;
        if (rel instanceof EnumerableCalc calc && calc.getInput() instanceof QualityGate) {
            Optional<List<Integer>> picked = projectedFields(calc.getProgram());
            if (picked.isEmpty()) {
                return Optional.empty();
            }
            columns = columns.stream().map(picked.get()::get).toList();
            rel = calc.getInput();
        }
        if (rel instanceof QualityGate checked) {
            gate = checked;
            rel = checked.getInput();
        }
        if (!(rel instanceof SourceToEnumerableConverter converter)) {
            return Optional.empty();
        }
        List<List<String>> tables = RelOptUtil.findAllTables(converter).stream()
                .map(RelOptTable::getQualifiedName)
                .map(List::copyOf)
                .toList();
        return Optional.of(new PushedDownQuery(
                converter.sourceName(), converter.sourceSql(), columns, tables, Optional.ofNullable(gate)));
    }

    /** For a program that only picks input fields (no filter, no expressions), the input field of each output field. */
    private static Optional<List<Integer>> projectedFields(RexProgram program) {
        if (program.getCondition() != null) {
            return Optional.empty();
        }
        List<Integer> fields = new ArrayList<>();
        for (RexLocalRef project : program.getProjectList()) {
            if (!(program.expandLocalRef(project) instanceof RexInputRef input)) {
                return Optional.empty();
            }
            fields.add(input.getIndex());
        }
        return Optional.of(fields);
    }
}
