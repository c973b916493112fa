package io.sluice.gateway.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The output formats of {@code sluice query}, named in lower case on the command line. */
enum OutputFormat {
    /** An aligned table for people: header, separator, numbers right-aligned, NULL shown, a row count. */
    TABLE {
        @Override
        ResultWriter writer() {
            return new TableResultWriter();
        }
    },
    /** RFC 4180 CSV with a header line; NULL is an empty field, an empty string is {@code ""}. */
    CSV {
        @Override
        ResultWriter writer() {
            return new CsvResultWriter();
        }
    },
    /** One JSON array of objects, one object per line. */
    JSON {
        @Override
        ResultWriter writer() {
            return new JsonResultWriter(true);
        }
    },
    /** JSON lines: one object per line, nothing around them. */
    JSONL {
        @Override
        ResultWriter writer() {
            return new JsonResultWriter(false);
        }
    };

    abstract ResultWriter writer();

    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the names in any case (picocli's own enum conversion is case-sensitive unless told otherwise). */
    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "expected one of " + String.join(", ", new Names()) + ", got '" + value + "'");
            }
        }
    }

    /** The names shown in the usage help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(OutputFormat::optionName).iterator();
        }
    }
}
