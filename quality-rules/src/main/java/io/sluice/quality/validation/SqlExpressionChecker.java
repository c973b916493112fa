package io.sluice.quality.validation;

import io.sluice.quality.parser.SqlExpressionParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.Util;

/**
 * Type-checks the SQL of an {@code expression} rule or a {@code where} filter against a table's columns, with the
 * functions of Sluice's SQL (standard and PostgreSQL libraries), and requires a boolean over one row: no aggregates,
 * window functions or sub-queries, which an inline check cannot evaluate row by row.
 */
final class SqlExpressionChecker {

    private final JavaTypeFactory typeFactory;
    private final CalciteCatalogReader catalogReader;
    private final SqlOperatorTable operators;

    /** A checker whose types follow {@code typeSystem} (e.g. the gateway's, with its DECIMAL precision). */
    SqlExpressionChecker(RelDataTypeSystem typeSystem) {
        this.typeFactory = new JavaTypeFactoryImpl(typeSystem);
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), "LENIENT");
        this.catalogReader = new CalciteCatalogReader(
                CalciteSchema.createRootSchema(false, false),
                List.of(),
                typeFactory,
                new CalciteConnectionConfigImpl(properties));
        this.operators = SqlOperatorTables.chain(
                SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL),
                catalogReader);
    }

    /** Why {@code sql} is not a boolean over one row of {@code table}, or empty when it is. */
    Optional<String> check(String sql, TableSchema table) {
        SqlExpressionParser.Result parsed = SqlExpressionParser.parse(sql);
        if (parsed instanceof SqlExpressionParser.Failed failed) {
            return Optional.of("SQL does not parse: " + failed.message());
        }
        SqlNode node = ((SqlExpressionParser.Parsed) parsed).node();
        Optional<String> notPerRow = notPerRow(node);
        if (notPerRow.isPresent()) {
            return notPerRow;
        }
        SqlValidator validator = SqlValidatorUtil.newValidator(
                operators,
                catalogReader,
                typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT));
        RelDataType type;
        try {
            SqlNode validated = validator.validateParameterizedExpression(node, columnTypes(table));
            type = validator.getValidatedNodeType(validated);
            // Functions are resolved only now: COUNT(*) is an aggregate only once validated.
            Optional<String> aggregate = notPerRow(validated);
            if (aggregate.isPresent()) {
                return aggregate;
            }
        } catch (CalciteContextException e) {
            return Optional.of("SQL does not type-check: " + innerMessage(e));
        } catch (RuntimeException e) {
            return Optional.of("SQL does not type-check: "
                    + Util.first(e.getMessage(), e.getClass().getSimpleName()));
        }
        if (type.getSqlTypeName() != SqlTypeName.BOOLEAN) {
            return Optional.of("expected a SQL boolean expression, got one of type "
                    + type.getFullTypeString().replace(" NOT NULL", ""));
        }
        return Optional.empty();
    }

    // Calcite's own name lookup here is by exact name; a case-insensitive map gives the lex of Sluice's SQL.
    private Map<String, RelDataType> columnTypes(TableSchema table) {
        Map<String, RelDataType> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (RelDataTypeField field : table.rowType().getFieldList()) {
            types.put(field.getName(), typeFactory.copyType(field.getType()));
        }
        return types;
    }

    private static Optional<String> notPerRow(SqlNode node) {
        String[] found = new String[1];
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (found[0] == null) {
                    if (call.getKind() == SqlKind.SELECT || SqlKind.QUERY.contains(call.getKind())) {
                        found[0] = "a sub-query";
                    } else if (call.getKind() == SqlKind.OVER) {
                        found[0] = "a window function";
                    } else if (call.getOperator().isAggregator()) {
                        found[0] =
                                "the aggregate function " + call.getOperator().getName();
                    }
                }
                return found[0] == null ? super.visit(call) : null;
            }

            @Override
            public Void visit(SqlDynamicParam parameter) {
                if (found[0] == null) {
                    found[0] = "a parameter (?): rules have no parameters to bind";
                }
                return null;
            }
        });
        return Optional.ofNullable(found[0])
                .map(what -> "expected an expression over one row (rules are checked row by row), got " + what);
    }

    /** Calcite's "From line 1, column 5 to …: " prefix repeats the position; the cause says what is wrong. */
    private static String innerMessage(CalciteContextException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getMessage();
        return message + " (at column " + e.getPosColumn() + ")";
    }
}
