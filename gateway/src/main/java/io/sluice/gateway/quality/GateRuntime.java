package io.sluice.gateway.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The part of a gate that generated code holds on to: what its checks are called and do. Each execution of the plan
 * starts a {@link GateRun} from it.
 */
public final class GateRuntime {

    final String table;
    final List<RowCheck> checks;
    final List<String> fields;
    /** The SQL type of each field, to store quarantined rows as SQL shows their values. */
    final List<SqlTypeName> fieldTypes;
    /** The SQL type of each check's sample field (null for a check without one), to show samples as SQL shows them. */
    final List<@Nullable SqlTypeName> sampleTypes;

    GateRuntime(String table, List<RowCheck> checks, RelDataType inputRowType) {
        this.table = table;
        this.checks = List.copyOf(checks);
        this.fields = List.copyOf(inputRowType.getFieldNames());
        this.fieldTypes = inputRowType.getFieldList().stream()
                .map(field -> field.getType().getSqlTypeName())
                .toList();
        List<@Nullable SqlTypeName> types = new ArrayList<>(checks.size());
        for (RowCheck check : checks) {
            types.add(
                    check.sampleField() < 0
                            ? null
                            : inputRowType
                                    .getFieldList()
                                    .get(check.sampleField())
                                    .getType()
                                    .getSqlTypeName());
        }
        this.sampleTypes = Collections.unmodifiableList(types);
    }

    /** Called by generated code when a scan starts, on the thread that runs the query. */
    public GateRun start() {
        return new GateRun(this, QueryQuality.current());
    }
}
