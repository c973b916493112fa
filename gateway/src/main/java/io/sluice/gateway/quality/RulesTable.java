package io.sluice.gateway.quality;

import io.sluice.quality.model.Rule;
import io.sluice.quality.model.TableRules;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sluice.quality_rules}: the rules in force, one row per rule, with where each is written; what a data steward
 * checks after a reload.
 */
public final class RulesTable extends AbstractTable implements ScannableTable {

    private static final List<String> COLUMNS = List.of(
            "table_name",
            "rule_name",
            "check_name",
            "columns",
            "action",
            "severity",
            "where_filter",
            "description",
            "owner",
            "file",
            "line");

    private final RuleRegistry registry;

    public RulesTable(RuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder row = typeFactory.builder();
        for (String column : COLUMNS) {
            SqlTypeName type = column.equals("line") ? SqlTypeName.INTEGER : SqlTypeName.VARCHAR;
            row.add(column, type).nullable(!column.equals("table_name") && !column.equals("rule_name"));
        }
        return row.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        List<Object[]> rows = new ArrayList<>();
        for (TableRules file : registry.ruleSet().files()) {
            for (Rule rule : file.rules()) {
                rows.add(new Object[] {
                    file.table().toString(),
                    rule.name(),
                    rule.check().yamlName(),
                    String.join(", ", rule.columns()),
                    rule.metadata().action().yamlName(),
                    rule.metadata().severity().yamlName(),
                    rule.metadata().where().orElse(null),
                    rule.metadata().description().orElse(null),
                    rule.metadata().owner().orElse(null),
                    file.file(),
                    rule.metadata().origin().start().line()
                });
            }
        }
        return Linq4j.asEnumerable(rows);
    }
}
