package io.sluice.gateway.quality;

import java.util.List;

/**
 * The part of a gate that generated code holds on to: what its checks are called and do. Each execution of the plan
 * starts a {@link GateRun} from it.
 */
public final class GateRuntime {

    final String table;
    final List<RowCheck> checks;
    final List<String> fields;

    GateRuntime(String table, List<RowCheck> checks, List<String> fields) {
        this.table = table;
        this.checks = List.copyOf(checks);
        this.fields = List.copyOf(fields);
    }

    /** Called by generated code when a scan starts, on the thread that runs the query. */
    public GateRun start() {
        return new GateRun(this, QueryQuality.current());
    }
}
