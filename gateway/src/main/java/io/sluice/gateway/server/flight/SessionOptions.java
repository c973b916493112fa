package io.sluice.gateway.server.flight;

import io.sluice.adapters.spi.Source;
import io.sluice.gateway.catalog.CatalogListing;
import io.sluice.gateway.execution.SessionDefaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SessionOptionValueVisitor;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.SetSessionOptionsResult.ErrorValue;

/**
 * The session options a Flight client can set: {@value #CATALOG} (a source, as the Flight SQL JDBC driver's
 * {@code catalog} property sends it) and {@value #SCHEMA} (a schema of that source), which unqualified table names of
 * the session's later statements resolve against. Values are strings; an empty value unsets an option. Each option is
 * checked on its own; the valid ones of a request are applied even when others are refused.
 */
final class SessionOptions {

    static final String CATALOG = "catalog";
    static final String SCHEMA = "schema";
    static final List<String> NAMES = List.of(CATALOG, SCHEMA);

    private final CatalogListing listing;

    SessionOptions(CatalogListing listing) {
        this.listing = listing;
    }

    SetSessionOptionsResult set(SetSessionOptionsRequest request, FlightSessions.Call call, String user) {
        FlightSessions.Session existing = call.session(user);
        SessionDefaults current = existing == null ? SessionDefaults.NONE : existing.defaults();
        Map<String, SetSessionOptionsResult.Error> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String catalog = current.catalog();
        String schema = current.schema();
        Map<String, SessionOptionValue> options = request.getSessionOptions();
        for (String name : options.keySet()) {
            if (!NAMES.contains(name)) {
                errors.put(name, new SetSessionOptionsResult.Error(ErrorValue.INVALID_NAME));
                problems.add("unknown option \"" + name + "\"; the options are " + String.join(", ", NAMES));
            }
        }
        if (options.containsKey(CATALOG)) {
            Text value = text(options.get(CATALOG));
            if (!value.isString()) {
                errors.put(CATALOG, new SetSessionOptionsResult.Error(ErrorValue.INVALID_VALUE));
                problems.add("catalog must be a string");
            } else if (value.text() == null) {
                catalog = null;
                schema = null;
            } else {
                Optional<String> known = source(value.text()).map(Source::name);
                if (known.isEmpty()) {
                    errors.put(CATALOG, new SetSessionOptionsResult.Error(ErrorValue.INVALID_VALUE));
                    problems.add("no catalog \"" + value.text() + "\"; the catalogs are "
                            + String.join(", ", listing.catalogNames()));
                } else {
                    if (!known.get().equals(catalog)) {
                        schema = null;
                    }
                    catalog = known.get();
                }
            }
        }
        if (options.containsKey(SCHEMA)) {
            Text value = text(options.get(SCHEMA));
            if (!value.isString()) {
                errors.put(SCHEMA, new SetSessionOptionsResult.Error(ErrorValue.INVALID_VALUE));
                problems.add("schema must be a string");
            } else if (value.text() == null) {
                schema = null;
            } else if (catalog == null) {
                errors.put(SCHEMA, new SetSessionOptionsResult.Error(ErrorValue.INVALID_VALUE));
                problems.add("schema needs a catalog: set catalog first or in the same request");
            } else {
                Optional<String> known = schema(catalog, value.text());
                if (known.isEmpty()) {
                    errors.put(SCHEMA, new SetSessionOptionsResult.Error(ErrorValue.INVALID_VALUE));
                    problems.add("no schema \"" + value.text() + "\" in catalog " + catalog);
                } else {
                    schema = known.get();
                }
            }
        }
        SessionDefaults defaults = new SessionDefaults(catalog, schema);
        // A request that sets nothing leaves no session behind.
        if (existing != null || !defaults.equals(SessionDefaults.NONE)) {
            call.sessionOrNew(user).defaults(defaults);
        }
        if (!problems.isEmpty()) {
            call.explain(String.join("; ", problems));
        }
        return new SetSessionOptionsResult(errors);
    }

    GetSessionOptionsResult get(FlightSessions.Call call, String user) {
        FlightSessions.Session session = call.session(user);
        Map<String, SessionOptionValue> options = new LinkedHashMap<>();
        if (session != null) {
            SessionDefaults defaults = session.defaults();
            if (defaults.catalog() != null) {
                options.put(CATALOG, SessionOptionValueFactory.makeSessionOptionValue(defaults.catalog()));
            }
            if (defaults.schema() != null) {
                options.put(SCHEMA, SessionOptionValueFactory.makeSessionOptionValue(defaults.schema()));
            }
        }
        return new GetSessionOptionsResult(options);
    }

    /** Closes the call's session; a call without one has nothing left to close, which counts as closed too. */
    CloseSessionResult close(FlightSessions.Call call, String user) {
        call.close(user);
        return new CloseSessionResult(CloseSessionResult.Status.CLOSED);
    }

    /** The source named {@code name}, matched as the engine matches names (case-insensitively). */
    private Optional<Source> source(String name) {
        return listing.sources(null).stream()
                .filter(source -> source.name().equalsIgnoreCase(name))
                .findFirst();
    }

    private Optional<String> schema(String catalog, String name) {
        return source(catalog).stream()
                .flatMap(source -> listing.schemaNames(source, null).stream())
                .filter(schema -> schema.equalsIgnoreCase(name))
                .findFirst();
    }

    /** An option's value: whether it is a string, and the string (null when empty: the option is unset). */
    private record Text(boolean isString, String text) {
        static final Text NOT_A_STRING = new Text(false, null);
    }

    private static Text text(SessionOptionValue value) {
        return value.acceptVisitor(new SessionOptionValueVisitor<>() {
            @Override
            public Text visit(String text) {
                return new Text(true, text.isEmpty() ? null : text);
            }

            @Override
            public Text visit(boolean flag) {
                return Text.NOT_A_STRING;
            }

            @Override
            public Text visit(long number) {
                return Text.NOT_A_STRING;
            }

            @Override
            public Text visit(double number) {
                return Text.NOT_A_STRING;
            }

            @Override
            public Text visit(String[] texts) {
                return Text.NOT_A_STRING;
            }

            @Override
            public Text visit(Void empty) {
                return new Text(true, null);
            }
        });
    }
}
