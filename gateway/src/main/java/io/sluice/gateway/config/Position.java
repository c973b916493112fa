package io.sluice.gateway.config;

import org.yaml.snakeyaml.error.Mark;

/** A 1-based line and column in the config file. */
record Position(int line, int column) {

    static final Position START = new Position(1, 1);

    /** Converts SnakeYAML's 0-based mark; nodes built by hand have none, and then the file start stands in. */
    static Position of(Mark mark) {
        return mark == null ? START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
