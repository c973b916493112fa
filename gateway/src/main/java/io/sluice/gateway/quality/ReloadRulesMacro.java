package io.sluice.gateway.quality;

import io.sluice.quality.RuleLoadResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SELECT * FROM TABLE(sluice.reload_rules())}: reloads the rules directory now and answers one row per outcome
 * ({@code reloaded} with a summary, or {@code rejected} per problem, in which case the rules in force stay). The
 * reload happens when the statement is planned, once per statement.
 */
final class ReloadRulesMacro implements TableMacro {

    private final RuleRegistry registry;

    ReloadRulesMacro(RuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return List.of();
    }

    @Override
    public TranslatableTable apply(List<? extends @Nullable Object> arguments) {
        RuleLoadResult result = registry.reload();
        List<List<String>> rows = new ArrayList<>();
        if (result.isValid()) {
            rows.add(List.of("reloaded", RuleRegistry.summary(result)));
        } else {
            result.problems().forEach(problem -> rows.add(List.of("rejected", problem.toString())));
        }
        result.notices().forEach(notice -> rows.add(List.of("notice", notice.toString())));
        return new OutcomeTable(rows);
    }

    /** The reload's outcome as a table of (status, detail). */
    private static final class OutcomeTable extends AbstractTable implements TranslatableTable {
        private final List<List<String>> rows;

        OutcomeTable(List<List<String>> rows) {
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
            return typeFactory.builder().add("status", text).add("detail", text).build();
        }

        @Override
        public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
            RelBuilder builder = RelBuilder.proto(
                            context.getCluster().getPlanner().getContext())
                    .create(context.getCluster(), table.getRelOptSchema());
            Object[] values = rows.stream().flatMap(List::stream).toArray();
            // Literals are typed CHAR(n) NOT NULL; the table promises VARCHAR.
            return builder.values(new String[] {"status", "detail"}, values)
                    .convert(table.getRowType(), false)
                    .build();
        }
    }
}
