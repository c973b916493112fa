package io.sluice.gateway.quality;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.sluice.quality.runtime.RowFunctions;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * The SQL functions row rules use, registered in the {@code sluice} schema: {@code sluice.regex_find(text, pattern)},
 * {@code sluice.has_format(text, format)}, {@code sluice.valid_encoding(text)}, {@code sluice.castable(text, type)}.
 * Queries may call them too.
 */
public final class QualityFunctions {

    /** The schema the functions are in. */
    public static final String SCHEMA = "sluice";

    private QualityFunctions() {}

    public static Multimap<String, Function> all() {
        return ImmutableMultimap.of(
                "regex_find", ScalarFunctionImpl.create(RowFunctions.class, "regexFind"),
                "has_format", ScalarFunctionImpl.create(RowFunctions.class, "hasFormat"),
                "valid_encoding", ScalarFunctionImpl.create(RowFunctions.class, "validEncoding"),
                "castable", ScalarFunctionImpl.create(RowFunctions.class, "castable"));
    }
}
