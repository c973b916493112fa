package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one scan: a result per rule of every scanned table.
 *
 * @param scanId unique per scan; the {@code query_id} of its rows in the results store
 * @param user who ran the scan (a gateway user, {@code cli}, or {@code scheduler})
 * @param startedAt when the scan started: the "now" that {@code freshness} rules measure age against
 * @param tables the scanned tables, in order
 * @param results one per rule, table by table in file order
 * @param duration how long the whole scan took
 */
public record ScanReport(
        String scanId,
        String user,
        Instant startedAt,
        List<TableName> tables,
        List<RuleResult> results,
        Duration duration) {

    public ScanReport {
        Objects.requireNonNull(scanId, "scanId");
        tables = List.copyOf(tables);
        results = List.copyOf(results);
    }

    /** Whether the scan failed: a {@code fail} rule is violated, or a rule could not be judged. */
    public boolean failed() {
        return results.stream().anyMatch(result -> result.status().failsScan());
    }

    /** The scan's overall status: the worst of its rules' ({@code pass} when it has none). */
    public ScanStatus status() {
        return results.stream().map(RuleResult::status).max(Enum::compareTo).orElse(ScanStatus.PASS);
    }

    /** How many rules ended with each status (every status present, possibly with 0). */
    public Map<ScanStatus, Long> counts() {
        Map<ScanStatus, Long> counts = new EnumMap<>(ScanStatus.class);
        for (ScanStatus status : ScanStatus.values()) {
            counts.put(status, 0L);
        }
        results.forEach(result -> counts.merge(result.status(), 1L, Long::sum));
        return counts;
    }
}
