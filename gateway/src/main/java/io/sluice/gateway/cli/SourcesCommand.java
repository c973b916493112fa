package io.sluice.gateway.cli;

import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceHealth;
import io.sluice.gateway.config.SluiceConfig;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice sources}: probes every configured source and prints whether it answers. */
@Command(
        name = "sources",
        description = {
            "Probes every configured source and prints its status, latency and table count.",
            "Exits with 1 when any source is down."
        })
final class SourcesCommand extends SluiceSubcommand {

    private static final List<TextTable.Column> COLUMNS = List.of(
            new TextTable.Column("source", false),
            new TextTable.Column("type", false),
            new TextTable.Column("status", false),
            new TextTable.Column("latency_ms", true),
            new TextTable.Column("tables", true),
            new TextTable.Column("problem", false));

    @Mixin
    ConfigOption config;

    @Override
    int run() {
        SluiceConfig loaded = config.load();
        try (EmbeddedEngine engine = EmbeddedEngine.open(loaded)) {
            List<Source> sources = List.copyOf(engine.catalog().sources());
            // Probe in parallel: each probe may wait for its own time-out, and they do not depend on each other.
            List<CompletableFuture<SourceHealth>> probes = sources.stream()
                    .map(source -> CompletableFuture.supplyAsync(source::checkHealth))
                    .toList();
            TextTable table = new TextTable(COLUMNS, "");
            int down = 0;
            for (int i = 0; i < sources.size(); i++) {
                Source source = sources.get(i);
                SourceHealth health = probes.get(i).join();
                down += health.available() ? 0 : 1;
                table.add(Arrays.asList(
                        source.name(),
                        loaded.sources().get(source.name()).type(),
                        health.available() ? "up" : "DOWN",
                        String.valueOf(health.latency().toMillis()),
                        health.tableCount().map(String::valueOf).orElse(null),
                        health.problem().orElse(null)));
            }
            table.print(out());
            out().println("(" + sources.size() + (sources.size() == 1 ? " source" : " sources") + ", " + down
                    + " down)");
            return down == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
