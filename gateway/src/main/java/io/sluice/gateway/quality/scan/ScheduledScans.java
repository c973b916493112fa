package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.RuleSet;
import io.sluice.quality.model.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans the tables whose rule files declare {@code schedule: <duration>}, as {@value Scanner#SCHEDULER_USER}, on one
 * daemon thread: a table is scanned a tick after the gateway starts (or its schedule appears), then whenever its
 * period has passed since the last scan started. The rules are read at every tick, so reloaded schedules apply at
 * once. Scans run one at a time; one that fails is logged and retried at the next period.
 */
public final class ScheduledScans implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledScans.class);
    /** How long closing waits for a running scan to notice the interrupt. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Scanner scanner;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    /** When each scheduled table's last scan started; only the executor's thread touches it. */
    private final Map<TableName, Instant> lastStarted = new HashMap<>();

    private ScheduledScans(Scanner scanner, Clock clock, Duration tick) {
        this.scanner = scanner;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-scheduled-scans");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts checking every {@code tick} which scheduled tables are due. */
    public static ScheduledScans start(Scanner scanner, Clock clock, Duration tick) {
        return new ScheduledScans(scanner, clock, tick);
    }

    private void tick() {
        try {
            RuleSet rules = scanner.rules();
            for (TableName table : rules.tables()) {
                Optional<Duration> period = rules.scheduleOf(table);
                Instant last = lastStarted.get(table);
                Instant now = clock.instant();
                if (period.isPresent() && (last == null || !now.isBefore(last.plus(period.get())))) {
                    lastStarted.put(table, now);
                    ScanReport report = scanner.scan(List.of(table), Scanner.SCHEDULER_USER, ScanListener.NONE);
                    LOG.info(
                            "Scheduled scan {} of {}: {} ({} rule(s))",
                            report.scanId(),
                            table,
                            report.status().label(),
                            report.results().size());
                }
            }
        } catch (RuntimeException e) {
            // An exception would end the periodic task for good: log it and go on at the next tick.
            LOG.warn("A scheduled scan failed: {}", e.toString(), e);
        }
    }

    /** Stops scheduling, interrupts a running scan and waits a little for it to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A scheduled scan was still running {} after the gateway began to close", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
