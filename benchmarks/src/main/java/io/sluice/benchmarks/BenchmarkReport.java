package io.sluice.benchmarks;

import io.sluice.benchmarks.BenchmarkMain.PassThrough;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table {@code scripts/bench} prints: rows/s per source × path, the target ratios, and the gateway's heap; with
 * rules and without measured side by side, also the gateway's CPU time per read and the ratios read by read.
 */
final class BenchmarkReport {

    private final BenchmarkOptions options;
    private final long rows;
    private final int columns;
    private final String gatewayHeap;
    private final List<Measurement> measurements;
    /** The clock of the gateway CPU times; empty where it was not measured (or could not be: no /proc). */
    private final Optional<ProcessCpuClock> cpuClock;

    BenchmarkReport(
            BenchmarkOptions options,
            long rows,
            int columns,
            String gatewayHeap,
            List<Measurement> measurements,
            Optional<ProcessCpuClock> cpuClock) {
        this.options = options;
        this.rows = rows;
        this.columns = columns;
        this.gatewayHeap = gatewayHeap;
        this.measurements = measurements;
        this.cpuClock = cpuClock;
    }

    /** Whether gateways with rules and without were read in turn, by one fork per cell. */
    private boolean paired() {
        return options.ruleModes().size() > 1;
    }

    String render() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "TPC-H lineitem, scale factor %s: %,d rows x %d columns; %d warm-up + %d measured full read(s) per"
                        + " row; gateway -Xmx%s; quality rules: %s",
                options.scaleFactor(),
                rows,
                columns,
                options.warmups(),
                options.iterations(),
                gatewayHeap,
                options.control()
                        ? "none (control: \"on\" is a second gateway without rules, so its ratios show the noise)"
                        : options.ruleModes().contains(true)
                                ? QualityRuleFiles.RULE_COUNT
                                        + " row rules on lineitem, checked inline, where rules = on"
                                : "none"));
        if (paired()) {
            lines.add(
                    "With rules and without: both gateways serve at once; one JMH fork per source x path reads through"
                            + " them in turn, one full read each, in ABBA order (off, on, on, off, ...), warm-ups included.");
        }
        lines.add("");
        lines.add(header());
        lines.add("|------------|-------------|--------------|-------|----------|-------------|-------------|"
                + (paired() ? "--------------------|------------|--------------|" : "")
                + "------------------------------|");
        for (Measurement m : measurements) {
            lines.add(row(m));
        }
        lines.add("");
        lines.add("gateway heap: live = most heap still in use after a GC while streaming; peak = most heap in use"
                + " before a GC (garbage included); from the gateway's -Xlog:gc log.");
        if (paired()) {
            lines.add(cpuClock.map(clock -> String.format(
                            Locale.ROOT,
                            "gateway CPU: user + system time of the gateway's JVM (all its threads) during each measured"
                                    + " read, from /proc/<pid>/stat at %d ticks/s (%s), so to %.3f s per read; of it"
                                    + " JIT+GC: the part spent by its JIT compiler and GC threads (/proc/<pid>/task),"
                                    + " which follows warm-up and allocation more than the read's own work.",
                            clock.ticksPerSecond(),
                            clock.ticksAssumed() ? "assumed: getconf CLK_TCK failed" : "getconf CLK_TCK",
                            1.0 / clock.ticksPerSecond()))
                    .orElse("gateway CPU: not available (no /proc/<pid>/stat on this machine)."));
        }
        lines.add("");
        lines.add("Ratios (rows/s over rows/s; targets: Flight >= 3x Sluice JDBC, >= 1.5x direct DuckDB JDBC):");
        for (String source : options.sources()) {
            for (PassThrough mode : List.of(PassThrough.ON, PassThrough.OFF, PassThrough.DEFAULT)) {
                Optional<Measurement> flight = find(source, ClientPath.FLIGHT, mode);
                if (flight.isEmpty()) {
                    continue;
                }
                String label = "  " + source + ", Flight (pass-through " + mode.label() + ")";
                ratio(
                                label + " / Sluice JDBC",
                                flight,
                                find(source, ClientPath.SLUICE_JDBC, PassThrough.NOT_APPLICABLE))
                        .ifPresent(lines::add);
                ratio(
                                label + " / direct JDBC",
                                flight,
                                find(source, ClientPath.DIRECT_JDBC, PassThrough.NOT_APPLICABLE))
                        .ifPresent(lines::add);
            }
            ratio(
                            "  " + source + ", Flight pass-through on / off",
                            find(source, ClientPath.FLIGHT, PassThrough.ON),
                            find(source, ClientPath.FLIGHT, PassThrough.OFF))
                    .ifPresent(lines::add);
            for (ClientPath path : List.of(ClientPath.FLIGHT, ClientPath.SLUICE_JDBC)) {
                for (PassThrough mode : PassThrough.values()) {
                    Optional<Measurement> without = find(source, path, mode, false);
                    Optional<Measurement> with = find(source, path, mode, true);
                    if (without.isPresent() && with.isPresent()) {
                        lines.add("  " + source + ", " + path.parameter() + " (pass-through " + mode.label()
                                + "), with rules / without:");
                        lines.addAll(new RuleCostRatios(without.get(), with.get()).lines());
                    }
                }
            }
            ratio(
                            "  " + source + ", Sluice JDBC / direct JDBC",
                            find(source, ClientPath.SLUICE_JDBC, PassThrough.NOT_APPLICABLE),
                            find(source, ClientPath.DIRECT_JDBC, PassThrough.NOT_APPLICABLE))
                    .ifPresent(lines::add);
        }
        return String.join("\n", lines);
    }

    private String header() {
        return String.format(
                        Locale.ROOT,
                        "| %-10s | %-11s | %-12s | %-5s | %8s | %11s | %11s |",
                        "source",
                        "path",
                        "pass-through",
                        "rules",
                        "mean s",
                        "rows/s",
                        "best rows/s")
                + (paired()
                        ? String.format(
                                Locale.ROOT,
                                " %18s | %10s | %12s |",
                                "gateway CPU s/read",
                                "CPU us/row",
                                "of it JIT+GC")
                        : "")
                + String.format(Locale.ROOT, " %-28s |", "gateway heap: live / peak");
    }

    private String row(Measurement m) {
        StringBuilder row = new StringBuilder(String.format(
                Locale.ROOT,
                "| %-10s | %-11s | %-12s | %-5s | %8.2f | %,11.0f | %,11.0f |",
                m.source(),
                m.path().parameter(),
                m.passThrough().label(),
                m.path() == ClientPath.DIRECT_JDBC ? "-" : BenchmarkMain.rulesLabel(m.rules()),
                m.seconds(),
                m.rowsPerSecond(),
                m.bestRowsPerSecond()));
        if (paired()) {
            m.gatewayCpuSecondsPerRead()
                    .ifPresentOrElse(
                            cpu -> row.append(String.format(Locale.ROOT, " %18.3f | %10.2f |", cpu, cpu * 1e6 / rows)),
                            () -> row.append(String.format(Locale.ROOT, " %18s | %10s |", "-", "-")));
            m.jitGcCpuSecondsPerRead()
                    .ifPresentOrElse(
                            jitGc -> row.append(String.format(Locale.ROOT, " %12.3f |", jitGc)),
                            () -> row.append(String.format(Locale.ROOT, " %12s |", "-")));
        }
        return row.append(String.format(Locale.ROOT, " %-28s |", heap(m))).toString();
    }

    private static String heap(Measurement m) {
        if (m.heap() == null) {
            return "- (not through the gateway)";
        }
        if (m.heap().collections() == 0) {
            return "no GC while streaming";
        }
        return String.format(
                Locale.ROOT,
                "%d MiB / %d MiB (%d GCs)",
                m.heap().maxAfterCollection() >> 20,
                m.heap().maxBeforeCollection() >> 20,
                m.heap().collections());
    }

    /** The measurement of a cell, without rules where both were measured (direct JDBC never has them). */
    private Optional<Measurement> find(String source, ClientPath path, PassThrough passThrough) {
        return find(source, path, passThrough, false).or(() -> find(source, path, passThrough, true));
    }

    private Optional<Measurement> find(String source, ClientPath path, PassThrough passThrough, boolean rules) {
        return measurements.stream()
                .filter(m -> m.source().equals(source)
                        && m.path() == path
                        && m.passThrough() == passThrough
                        && m.rules() == rules)
                .findFirst();
    }

    private static Optional<String> ratio(String label, Optional<Measurement> a, Optional<Measurement> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%-70s %6.2fx",
                label,
                a.get().rowsPerSecond() / b.get().rowsPerSecond()));
    }
}
