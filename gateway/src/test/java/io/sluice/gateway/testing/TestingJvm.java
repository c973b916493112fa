package io.sluice.gateway.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs that run a main class of the tests with the test class path (and Arrow's flags). */
public final class TestingJvm {

    private TestingJvm() {}

    /** {@code java <jvmOptions> --add-opens… -cp <test class path> <mainClass> <arguments>}. */
    public static List<String> command(List<String> jvmOptions, Class<?> mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.add("-Duser.timezone=" + System.getProperty("user.timezone"));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        return command;
    }
}
