package io.sluice.gateway.quality.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.gateway.quality.QueryQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SELECT * FROM TABLE(sluice.check('pg.public.orders'))} (one table) and {@code TABLE(sluice.check())} (every
 * table with rules): runs a scan when the statement executes, as the session's user, and answers one row per rule. The
 * results are also recorded in the store, like every scan's.
 */
public final class ScanFunction {

    /** The name in the {@code sluice} schema. */
    public static final String NAME = "check";

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
        public ReportTable apply(List<? extends @Nullable Object> arguments) {
            List<String> tables = new ArrayList<>();
            if (withTable) {
                tables.add(String.valueOf(arguments.get(0)));
            }
            return new ReportTable(scanner, tables);
        }
    }

    /** The report of a scan that runs when the table is scanned. */
    private static final class ReportTable extends AbstractTable implements ScannableTable {
        private final Supplier<Scanner> scanner;
        private final List<String> tables;

        ReportTable(Supplier<Scanner> scanner, List<String> tables) {
            this.scanner = scanner;
            this.tables = List.copyOf(tables);
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            RelDataType text = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
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
        public Enumerable<@Nullable Object[]> scan(DataContext root) {
            Scanner scanner = this.scanner.get();
            ScanReport report = scanner.scan(scanner.tables(tables), QueryQuality.current().user(), ScanListener.NONE);
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
            return Linq4j.asEnumerable(rows);
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
