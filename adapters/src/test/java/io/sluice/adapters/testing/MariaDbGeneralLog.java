package io.sluice.adapters.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MariaDB's general query log, which records every statement when the server receives it: take a {@link
 * #mark()}, run the code under test, then read what arrived since with {@link #statementsSince(Mark)}.
 *
 * <p>The log is server-wide; a test should look for statements naming its own tables.
 */
public final class MariaDbGeneralLog {

    /** A position in the log; only entries written after it are read. */
    public record Mark(long offset) {}

    /** One log entry: a connection's command ({@code Connect}, {@code Query}, {@code Execute}…) and its argument. */
    public record Entry(long connectionId, String command, String argument) {}

    /** Commands whose argument is SQL text the server ran. */
    private static final Set<String> STATEMENT_COMMANDS = Set.of("Query", "Execute");

    /** {@code [yymmdd h:mm:ss]\t    <id> <Command>\t<argument>}; SQL with newlines continues on the next lines. */
    private static final Pattern ENTRY =
            Pattern.compile("^(?:\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\t+ *(\\d+) ([A-Za-z][A-Za-z ]*?)\\t(.*)$");

    /** The header the server writes when it (re)opens the log. */
    private static final Pattern HEADER = Pattern.compile("^(?:\\S+, Version: .*|Tcp port: .*|Time\\s+Id Command.*)$");

    private final Path file;

    /** @param file the log written with {@code --general-log=1 --log-output=FILE} */
    public MariaDbGeneralLog(Path file) {
        this.file = file;
    }

    /** The current end of the log. */
    public Mark mark() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Mark(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read MariaDB general log " + file, e);
        }
    }

    /** The entries written after {@code mark} (from the start, if the log was truncated since). */
    public List<Entry> entriesSince(Mark mark) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        String text = readSince(mark);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String line : text.split("\n", -1)) {
            Matcher matcher = ENTRY.matcher(line);
            if (matcher.matches()) {
                if (current != null) {
                    entries.add(current);
                }
                current = new Entry(Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3));
            } else if (current != null && !HEADER.matcher(line).matches()) {
                current = new Entry(current.connectionId(), current.command(), current.argument() + "\n" + line);
            }
        }
        if (current != null) {
            entries.add(current);
        }
        return entries;
    }

    /** The SQL texts ({@code Query} and {@code Execute} entries) received after {@code mark}, in order. */
    public List<String> statementsSince(Mark mark) {
        return entriesSince(mark).stream()
                .filter(entry -> STATEMENT_COMMANDS.contains(entry.command()))
                .map(Entry::argument)
                .toList();
    }

    private String readSince(Mark mark) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = mark.offset() <= size ? mark.offset() : 0;
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // keep reading until the buffer is full
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read MariaDB general log " + file, e);
        }
    }
}
