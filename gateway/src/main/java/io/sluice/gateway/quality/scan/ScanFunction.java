package io.sluice.gateway.quality.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.quality.QueryQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SELECT * FROM TABLE(sluice.scan('pg.public.orders'))} (one table) and {@code TABLE(sluice.scan())} (every
 * table with rules): runs a scan when the statement executes, as the session's user, and answers one row per rule. The
 * results are also recorded in the store, like every scan's.
 */
public final class ScanFunction {

    /** The name in the {@code sluice} schema. */
    // CHECK is a reserved word in SQL: sluice.check() would not parse unquoted.
    public static final String NAME = "scan";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanFunction() {}

    /** The two overloads, {@code check()} and {@code check(table)}, running scans on the scanner {@code scanner} gives. */
    public static List<org.apache.calcite.schema.Function> overloads(Supplier<Scanner> scanner) {
        return List.of(new Macro(scanner, false), new Macro(scanner, true));
    }

    /** The function with or without its table argument; Calcite resolves overloads by parameter count. */
    private record Macro(Supplier<Scanner> scanner, boolean withTable) implements TableMacro {

        @Override
        public List<FunctionParameter> getParameters() {
            if (!withTable) {
                return List.of();
            }
            return List.of(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return 0;
                }

                @Override
                public String getName() {
                    return "table_name";
                }

                @Override
                public RelDataType getType(RelDataTypeFactory typeFactory) {
                    return typeFactory.createSqlType(SqlTypeName.VARCHAR);
                }

                @Override
                public boolean isOptional() {
                    return false;
                }
            });
        }

        @Override
        public ReportTable apply(List<? extends Object> arguments) {
            List<String> tables = new ArrayList<>();
            if (withTable) {
                tables.add(String.valueOf(arguments.get(0)));
            }
            return new ReportTable(scanner, tables);
        }
    }

    /**
     * The report of a scan, which runs when the statement is planned (as {@code sluice.reload_rules()} does): its rows
     * become the statement's constant rows. So EXPLAIN runs the scan too, and a prepared statement answers the scan of
     * its preparation; run the statement again for a new scan.
     */
    private static final class ReportTable extends AbstractTable implements TranslatableTable {
        private final Supplier<Scanner> scanner;
        private final List<String> tables;

        ReportTable(Supplier<Scanner> scanner, List<String> tables) {
            this.scanner = scanner;
            this.tables = List.copyOf(tables);
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            RelDataType text =
                    typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
            RelDataType number = typeFactory.createSqlType(SqlTypeName.BIGINT);
            return typeFactory
                    .builder()
                    .add("scan_id", text)
                    .add("table_name", text)
                    .add("rule_name", text)
                    .add("check_name", text)
                    .add("column_name", text)
                    .add("action", text)
                    .add("severity", text)
                    .add("status", text)
                    .add("rows_checked", number)
                    .add("violations", number)
                    .add("samples", text)
                    .add("detail", text)
                    .add("duration_ms", number)
                    .build();
        }

        @Override
        public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
            RelOptCluster cluster = context.getCluster();
            RexBuilder rexBuilder = cluster.getRexBuilder();
            List<RelDataTypeField> fields = table.getRowType().getFieldList();
            List<List<RexLiteral>> tuples = new ArrayList<>();
            for (@Nullable Object[] row : rows()) {
                List<RexLiteral> tuple = new ArrayList<>(row.length);
                for (int i = 0; i < row.length; i++) {
                    RelDataType type = fields.get(i).getType();
                    tuple.add(
                            row[i] == null
                                    ? rexBuilder.makeNullLiteral(type)
                                    : (RexLiteral) rexBuilder.makeLiteral(row[i], type, false));
                }
                tuples.add(tuple);
            }
            return RelBuilder.proto(cluster.getPlanner().getContext())
                    .create(cluster, table.getRelOptSchema())
                    .values(tuples, table.getRowType())
                    .build();
        }

        /** Runs the scan as the session's user: one row per rule. */
        private List<@Nullable Object[]> rows() {
            Scanner scanner = this.scanner.get();
            ScanReport report =
                    scanner.scan(scanner.tables(tables), QueryQuality.current().user(), ScanListener.NONE);
            List<@Nullable Object[]> rows = new ArrayList<>();
            for (RuleResult result : report.results()) {
                rows.add(new Object[] {
                    report.scanId(),
                    result.table().toString(),
                    result.rule(),
                    result.check().yamlName(),
                    result.column(),
                    result.action().yamlName(),
                    result.severity().yamlName(),
                    result.status().label(),
                    result.rowsChecked(),
                    result.violations(),
                    json(result.samples()),
                    result.detail(),
                    result.duration().toMillis()
                });
            }
            return rows;
        }

        private static String json(List<String> samples) {
            try {
                return JSON.writeValueAsString(samples);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Samples are plain strings", e);
            }
        }
    }
}
