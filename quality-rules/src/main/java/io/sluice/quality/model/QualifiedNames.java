package io.sluice.quality.model;

import java.util.ArrayList;
import java.util.List;

/** Splits dotted names; a part may be double-quoted to contain dots, as in SQL ({@code shop."my.schema".orders}). */
final class QualifiedNames {

    private QualifiedNames() {}

    /** The parts of {@code text}, or an empty list when a part is empty or a quote is not closed. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                wasQuoted = true;
            } else if (c == '.' && !quoted) {
                if (!add(parts, part, wasQuoted)) {
                    return List.of();
                }
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(c);
            }
        }
        if (quoted || !add(parts, part, wasQuoted)) {
            return List.of();
        }
        return parts;
    }

    private static boolean add(List<String> parts, StringBuilder part, boolean wasQuoted) {
        String name = wasQuoted ? part.toString() : part.toString().trim();
        if (name.isEmpty()) {
            return false;
        }
        parts.add(name);
        return true;
    }
}
