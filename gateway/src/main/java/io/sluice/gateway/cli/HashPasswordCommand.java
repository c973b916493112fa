package io.sluice.gateway.cli;

import io.sluice.gateway.security.Authenticator;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sluice hash-password}: makes the bcrypt hash that a user's {@code password_hash} in the config needs. */
@Command(
        name = "hash-password",
        description = {
            "Reads a password and prints its bcrypt hash: the password_hash of a user in the config file.",
            "On a terminal the password is asked for twice without echo; otherwise the first line of stdin is used."
        })
final class HashPasswordCommand extends SluiceSubcommand {

    @Option(
            names = "--password-stdin",
            description = "Read the password from the first line of stdin even on a terminal (for scripts).")
    boolean fromStdin;

    @ParentCommand
    SluiceCommand parent;

    @Override
    int run() throws IOException {
        Console console = System.console();
        char[] password = fromStdin || console == null ? firstLineOfStdin() : fromConsole(console);
        if (password == null) {
            err().println("ERROR: The passwords did not match; nothing was hashed.");
            return ExitCodes.FAILED;
        }
        try {
            if (password.length == 0) {
                err().println("ERROR: The password is empty; nothing was hashed.");
                return ExitCodes.FAILED;
            }
            out().println(Authenticator.hash(password));
            out().flush();
            err().println("Put this hash in sluice.yaml as security.users.<name>.password_hash.");
            return ExitCodes.OK;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] firstLineOfStdin() throws IOException {
        // Not closed: closing the reader would close stdin, which belongs to the caller.
        BufferedReader reader = new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    /** The password typed twice without echo, or null when the two differ. */
    private static char[] fromConsole(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Repeat the password: ");
        if (first == null || second == null) {
            return new char[0];
        }
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                return null;
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }
}
