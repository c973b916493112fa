package io.sluice.gateway.catalog;

import io.sluice.adapters.spi.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FilterableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sluice.primary_keys}: the primary-key columns of source tables, in the shape of {@code
 * DatabaseMetaData.getPrimaryKeys}. Equality filters on {@code TABLE_CAT}, {@code TABLE_SCHEM} and {@code TABLE_NAME}
 * narrow what is asked of the sources (one metadata call per table otherwise).
 */
final class PrimaryKeysTable extends AbstractTable implements FilterableTable {

    private static final int CATALOG = 0;
    private static final int SCHEMA = 1;
    private static final int TABLE = 2;

    private final SourceCatalog catalog;

    PrimaryKeysTable(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        return typeFactory
                .builder()
                .add("TABLE_CAT", text)
                .nullable(true)
                .add("TABLE_SCHEM", text)
                .nullable(true)
                .add("TABLE_NAME", text)
                .add("COLUMN_NAME", text)
                .add("KEY_SEQ", SqlTypeName.SMALLINT)
                .add("PK_NAME", text)
                .nullable(true)
                .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters) {
        String catalogName = equalTo(filters, CATALOG);
        String schemaName = equalTo(filters, SCHEMA);
        String tableName = equalTo(filters, TABLE);
        List<Object[]> rows = new ArrayList<>();
        for (Source source : catalog.sources()) {
            if (catalogName != null && !catalogName.equals(source.name())) {
                continue;
            }
            for (String schema : names(source.schema().subSchemas().getNames(LikePattern.any()), schemaName)) {
                Schema sub = source.schema().subSchemas().get(schema);
                if (sub == null) {
                    continue;
                }
                for (String table : names(sub.tables().getNames(LikePattern.any()), tableName)) {
                    List<String> key = source.capabilities().primaryKey(schema, table);
                    for (int i = 0; i < key.size(); i++) {
                        rows.add(new Object[] {source.name(), schema, table, key.get(i), (short) (i + 1), null});
                    }
                }
            }
        }
        return Linq4j.asEnumerable(rows);
    }

    private static Set<String> names(Set<String> all, String wanted) {
        if (wanted == null) {
            return all;
        }
        return all.contains(wanted) ? Set.of(wanted) : Set.of();
    }

    /** The literal a filter compares column {@code index} with, if there is such a filter. */
    private static String equalTo(List<RexNode> filters, int index) {
        for (RexNode filter : filters) {
            if (filter.getKind() == SqlKind.EQUALS && filter instanceof RexCall call) {
                RexNode left = call.getOperands().get(0);
                RexNode right = call.getOperands().get(1);
                if (left instanceof RexInputRef ref && ref.getIndex() == index && right instanceof RexLiteral literal) {
                    return literal.getValueAs(String.class);
                }
                if (right instanceof RexInputRef ref && ref.getIndex() == index && left instanceof RexLiteral literal) {
                    return literal.getValueAs(String.class);
                }
            }
        }
        return null;
    }
}
