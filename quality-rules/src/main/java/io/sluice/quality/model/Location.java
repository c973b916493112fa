package io.sluice.quality.model;

import java.util.Objects;

/**
 * A place in a rule file: a 1-based line and column, or line 0 for the file as a whole; {@link #toString()} is {@code
 * file:line:col}.
 */
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** The file as a whole, e.g. when it cannot be read. */
    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
