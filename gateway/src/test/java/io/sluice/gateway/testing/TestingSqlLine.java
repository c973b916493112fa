package io.sluice.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs SQLLine in a separate JVM whose class path holds only SQLLine and the shaded {@code sluice-jdbc} jar (copied to
 * {@code target/sqlline} by the build), the way a user would connect.
 */
public final class TestingSqlLine {

    private TestingSqlLine() {}

    /** Runs one query and returns the CSV lines SQLLine printed (values quoted with '). */
    public static List<String> run(String url, String user, String password, String sql)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("sluice.sqlline.dir", "target/sqlline"));
        List<String> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.map(Path::toString)
                    .filter(f -> f.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
        if (jars.stream().noneMatch(j -> j.contains("sluice-jdbc"))
                || jars.stream().noneMatch(j -> j.contains("sqlline"))) {
            throw new IllegalStateException("SQLLine or the driver jar is missing from " + dir + ": " + jars
                    + " (the build copies them in pre-integration-test; run through Maven)");
        }
        Path script = Files.createTempFile("sqlline", ".sql");
        Files.writeString(script, sql + ";\n");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(java.io.File.pathSeparator, jars),
                "sqlline.SqlLine",
                "-d",
                "io.sluice.jdbc.Driver",
                "-u",
                url,
                "-n",
                user,
                "-p",
                password,
                "--outputformat=csv",
                "--showHeader=false",
                "--silent=true",
                "--showWarnings=false",
                "--run=" + script);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("SQLLine failed:\n" + output);
        }
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("'")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
