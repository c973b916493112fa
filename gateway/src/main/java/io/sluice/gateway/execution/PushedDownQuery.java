package io.sluice.gateway.execution;

import io.sluice.adapters.jdbc.SourceToEnumerableConverter;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Pair;

/**
 * A query the planner pushed down whole into one source: the physical plan's root is a single {@link
 * SourceToEnumerableConverter}, so the source's answer to {@link #sql} is the query's answer row for row, its columns
 * picked by {@link #columns} (a query may sort by a column it does not return).
 *
 * @param source the source's name in the config
 * @param sql the statement sent to the source, written as {@code EXPLAIN} shows it
 * @param columns for each column of the query's result, the (0-based) column of the source's result it is
 * @param tables the source tables it reads, as qualified names ({@code [source, schema, table]})
 */
public record PushedDownQuery(String source, String sql, List<Integer> columns, List<List<String>> tables) {

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
        if (!root.kind.belongsTo(SqlKind.QUERY) || !(root.rel instanceof SourceToEnumerableConverter converter)) {
            return Optional.empty();
        }
        List<List<String>> tables = RelOptUtil.findAllTables(converter).stream()
                .map(RelOptTable::getQualifiedName)
                .map(List::copyOf)
                .toList();
        List<Integer> columns = List.copyOf(Pair.left(root.fields));
        return Optional.of(new PushedDownQuery(converter.sourceName(), converter.sourceSql(), columns, tables));
    }
}
