package io.sluice.quality.parser;

import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.Location;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/** Collects the problems of one file so that all of them are reported together. */
public final class ProblemList {

    private final String file;
    private final List<RuleProblem> problems = new ArrayList<>();

    public ProblemList(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The location of SnakeYAML's 0-based mark; nodes built by hand have none, and then the file stands in. */
    public Location locationOf(Mark mark) {
        return mark == null ? Location.ofFile(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public void add(Location location, String path, String message) {
        problems.add(new RuleProblem(location, path, message));
    }

    public void addAll(List<RuleProblem> more) {
        problems.addAll(more);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<RuleProblem> toList() {
        return List.copyOf(problems);
    }
}
