package io.sluice.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.gateway.quality.scan.RuleResult;
import io.sluice.gateway.quality.scan.ScanReport;
import io.sluice.gateway.quality.scan.ScanStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code sluice check} prints a scan report: an aligned table for people, or one JSON document for pipelines. */
enum ScanReportFormat {
    TABLE {
        @Override
        void write(ScanReport report, PrintWriter out) {
            TextTable table = new TextTable(
                    List.of(
                            new TextTable.Column("table", false),
                            new TextTable.Column("rule", false),
                            new TextTable.Column("check", false),
                            new TextTable.Column("action", false),
                            new TextTable.Column("status", false),
                            new TextTable.Column("checked", true),
                            new TextTable.Column("violations", true),
                            new TextTable.Column("samples / detail", false)),
                    "");
            for (RuleResult result : report.results()) {
                table.add(List.of(
                        result.table().toString(),
                        result.rule(),
                        result.check().yamlName(),
                        result.action().yamlName(),
                        result.status().label(),
                        String.valueOf(result.rowsChecked()),
                        String.valueOf(result.violations()),
                        result.status() == ScanStatus.PASS || result.samples().isEmpty()
                                ? result.detail()
                                : String.join(", ", result.samples())));
            }
            table.print(out);
            Map<ScanStatus, Long> counts = report.counts();
            out.printf(
                    Locale.ROOT,
                    "%nScan %s: %d rule(s) on %d table(s) in %.1f s: %d pass, %d warn, %d fail, %d error%n",
                    report.scanId(),
                    report.results().size(),
                    report.tables().size(),
                    report.duration().toMillis() / 1000.0,
                    counts.get(ScanStatus.PASS),
                    counts.get(ScanStatus.WARN),
                    counts.get(ScanStatus.FAIL),
                    counts.get(ScanStatus.ERROR));
            report.results().stream()
                    .filter(result -> result.status() == ScanStatus.ERROR)
                    .forEach(result ->
                            out.println("error: " + result.table() + " " + result.rule() + ": " + result.detail()));
            out.flush();
        }
    },
    JSON {
        @Override
        void write(ScanReport report, PrintWriter out) {
            ObjectNode document = MAPPER.createObjectNode()
                    .put("scan_id", report.scanId())
                    .put("user", report.user())
                    .put("started_at", report.startedAt().toString())
                    .put("duration_ms", report.duration().toMillis())
                    .put("status", report.status().label());
            ObjectNode counts = document.putObject("counts");
            report.counts().forEach((status, count) -> counts.put(status.label(), count));
            ArrayNode results = document.putArray("results");
            for (RuleResult result : report.results()) {
                ObjectNode node = results.addObject()
                        .put("table", result.table().toString())
                        .put("rule", result.rule())
                        .put("check", result.check().yamlName())
                        .put("column", result.column())
                        .put("action", result.action().yamlName())
                        .put("severity", result.severity().yamlName())
                        .put("status", result.status().label())
                        .put("rows_checked", result.rowsChecked())
                        .put("violations", result.violations())
                        .put("detail", result.detail())
                        .put("duration_ms", result.duration().toMillis());
                result.samples().forEach(node.putArray("samples")::add);
                result.statements().forEach(node.putArray("statements")::add);
            }
            try {
                out.println(MAPPER.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A tree of strings and numbers always serializes", e);
            }
            out.flush();
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    abstract void write(ScanReport report, PrintWriter out);

    /** Picocli's conversion of {@code --format}: an unknown name is a usage error (exit code 2). */
    static final class Converter implements ITypeConverter<ScanReportFormat> {
        @Override
        public ScanReportFormat convert(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected table or json, got '" + name + "'");
            }
        }
    }
}
