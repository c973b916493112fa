package io.sluice.gateway.cli;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.quality.scan.RuleResult;
import io.sluice.gateway.quality.scan.ScanListener;
import io.sluice.gateway.quality.scan.ScanReport;
import io.sluice.gateway.quality.scan.ScanStatus;
import io.sluice.gateway.quality.scan.Scanner;
import io.sluice.gateway.quality.store.QualityStore;
import io.sluice.quality.model.TableName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice check}: scans tables with their quality rules, row and dataset rules alike, in this process: the
 * aggregates go to the sources, progress to stderr, the report to stdout, and the results to the results store.
 */
@Command(
        name = "check",
        description = {
            "Scans whole tables with their quality rules (row and dataset rules), pushing the counting to the sources,"
                    + " and prints a report; the results are also recorded in sluice.quality_results.",
            "Exits with 1 when a rule with action `fail` is violated, with 4 when a rule could not be checked."
        })
final class CheckCommand extends SluiceSubcommand {

    @Mixin
    ConfigOption config;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            converter = ScanReportFormat.Converter.class,
            description = "Output format: table (for people) or json (for pipelines) (default: ${DEFAULT-VALUE}).")
    ScanReportFormat format;

    @Option(
            names = "--no-store",
            description = "Do not record the results in the results store (quality.store in the config).")
    boolean noStore;

    @Parameters(
            arity = "0..*",
            paramLabel = "TABLE",
            description = "Tables to scan, as source.schema.table (default: every table with rules).")
    List<String> tables = new ArrayList<>();

    @Override
    int run() {
        SluiceConfig loaded = config.load();
        try (EmbeddedEngine engine = EmbeddedEngine.openWithRules(loaded);
                @Nullable QualityStore store = noStore ? null : openStore(loaded)) {
            Scanner scanner = Scanner.over(engine.catalog(), engine::ruleSet, store, Clock.systemUTC());
            List<TableName> scanned = scanner.tables(tables);
            ScanReport report = scanner.scan(scanned, EmbeddedEngine.USER, new Progress(scanned.size()));
            format.write(report, out());
            if (store != null) {
                err().println("Results recorded: SELECT * FROM sluice.quality_results WHERE query_id = '"
                        + report.scanId() + "'");
            }
            return exitCode(report);
        }
    }

    /**
     * The results store, or none when it cannot be opened (most often: a running gateway holds its DuckDB file): the scan
     * is worth running anyway, and the message says where to run it instead.
     */
    private @Nullable QualityStore openStore(SluiceConfig loaded) {
        try {
            return QualityStore.open(loaded.qualityStore(), SourceContext.standalone(), Clock.systemUTC());
        } catch (SluiceException e) {
            err().println("WARNING the results will not be recorded: " + e.clientMessage()
                    + " If a gateway is running with this store, scan from SQL there instead:"
                    + " SELECT * FROM TABLE(sluice.scan('source.schema.table')). Use --no-store to silence this.");
            return null;
        }
    }

    static int exitCode(ScanReport report) {
        return switch (report.status()) {
            case PASS, WARN -> ExitCodes.OK;
            case FAIL -> ExitCodes.FAILED;
            case ERROR -> report.counts().get(ScanStatus.FAIL) > 0 ? ExitCodes.FAILED : ExitCodes.CHECK_INCOMPLETE;
        };
    }

    /** One stderr line per table and per rule, as the scan goes. */
    private final class Progress implements ScanListener {
        private final int tableCount;
        private int tableNumber;

        Progress(int tableCount) {
            this.tableCount = tableCount;
        }

        @Override
        public void tableStarted(TableName table, int rules) {
            tableNumber++;
            err().printf(Locale.ROOT, "[%d/%d] %s: %d rule(s)%n", tableNumber, tableCount, table, rules);
            err().flush();
        }

        @Override
        public void ruleChecked(RuleResult result) {
            err().printf(
                            Locale.ROOT,
                            "  %-5s %s (%d violation(s), %.1f s)%n",
                            result.status().label(),
                            result.rule(),
                            result.violations(),
                            result.duration().toMillis() / 1000.0);
            err().flush();
        }
    }
}
