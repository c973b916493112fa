package io.sluice.gateway.quality;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A source table with row rules: every scan of it becomes a {@link LogicalQualityGate} over the source's own scan.
 * The rules' SQL is compiled by expanding {@code SELECT (violation) IS TRUE, ... FROM the table} the way Calcite
 * expands a view, in the query's own planner, so rules use exactly the SQL dialect, functions and type rules of
 * queries; the inner reference to the table resolves to the plain scan.
 */
final class CheckedTable extends AbstractTable implements TranslatableTable, Wrapper {

    /** Tables whose rules this thread is compiling now: their inner scan must not be checked again. */
    private static final ThreadLocal<Set<String>> COMPILING = ThreadLocal.withInitial(HashSet::new);

    /**
     * The checks compiled before, by table, rules and the table's columns: expanding the rules' SQL (parsing,
     * validating, converting) cost every query on a table with ten rules milliseconds, twice over for a Flight
     * query, which is planned for its FlightInfo and again for its stream. A check is a condition over the table's
     * columns, which is the same in every plan as long as the rules and the columns are; a table whose columns
     * changed compiles its rules anew, with the errors that may bring.
     */
    private static final Cache<CompiledKey, List<RowCheck>> COMPILED =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private record CompiledKey(List<String> path, List<RowRuleSet.RuleSql> rules, String columns) {}

    private final TranslatableTable table;
    private final List<String> path;
    private final List<RowRuleSet.RuleSql> rules;

    CheckedTable(TranslatableTable table, List<String> path, List<RowRuleSet.RuleSql> rules) {
        this.table = table;
        this.path = List.copyOf(path);
        this.rules = List.copyOf(rules);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return table.getRowType(typeFactory);
    }

    @Override
    public Statistic getStatistic() {
        return table.getStatistic();
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return table.getJdbcTableType();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        String name = String.join(".", path);
        Set<String> compiling = COMPILING.get();
        if (!compiling.add(name)) {
            return table.toRel(context, relOptTable);
        }
        try {
            CompiledKey key =
                    new CompiledKey(path, rules, relOptTable.getRowType().getFullTypeString());
            List<RowCheck> compiled = COMPILED.getIfPresent(key);
            if (compiled != null) {
                RelNode scan = table.toRel(context, relOptTable);
                if (scan.getRowType().getFullTypeString().equals(key.columns())) {
                    return LogicalQualityGate.create(scan, name, compiled);
                }
            }
            RelRoot checks = context.expandView(relOptTable.getRowType(), checksQuery(), List.of(), null);
            if (!(checks.rel instanceof Project project)) {
                throw new IllegalStateException("Rules of " + name + " compiled to an unexpected plan: " + checks.rel);
            }
            RelNode scan = project.getInput();
            List<RowCheck> rowChecks = new ArrayList<>(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                RowRuleSet.RuleSql rule = rules.get(i);
                rowChecks.add(new RowCheck(
                        rule.name(),
                        rule.column(),
                        rule.action(),
                        project.getProjects().get(i),
                        fieldIndex(scan.getRowType(), rule.column())));
            }
            if (scan.getRowType().getFullTypeString().equals(key.columns())
                    && rowChecks.stream().allMatch(check -> planIndependent(check.violated()))) {
                COMPILED.put(key, List.copyOf(rowChecks));
            }
            return LogicalQualityGate.create(scan, name, rowChecks);
        } finally {
            compiling.remove(name);
        }
    }

    /**
     * Whether {@code condition} reads nothing but the row and constants, and so means the same in any plan: no
     * sub-query or correlation. (The rules' SQL is expanded without parameters.)
     */
    private static boolean planIndependent(RexNode condition) {
        return RexUtil.SubQueryFinder.find(condition) == null
                && !RexUtil.containsCorrelation(condition)
                && !RexUtil.containsFieldAccess(condition);
    }

    private String checksQuery() {
        String conditions = rules.stream()
                .map(rule -> "(" + rule.violationSql() + ") IS TRUE")
                .collect(Collectors.joining(", "));
        String from = path.stream().map(CheckedTable::quote).collect(Collectors.joining("."));
        return "SELECT " + conditions + " FROM " + from;
    }

    private static int fieldIndex(RelDataType rowType, String column) {
        if (column == null) {
            return -1;
        }
        RelDataTypeField field = rowType.getField(column, false, false);
        return field == null ? -1 : field.getIndex();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return table instanceof Wrapper wrapper ? wrapper.unwrap(type) : null;
    }

    @Override
    public String toString() {
        return "CheckedTable {" + String.join(".", path) + ", " + rules.size() + " rule(s)}";
    }
}
