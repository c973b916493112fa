package io.sluice.adapters.spi;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the gateway hands a source when opening it.
 *
 * @param statementListener told about every statement the source opens on behalf of a query, so that the gateway can
 *     cancel it when the client cancels or times out
 */
public record SourceContext(StatementListener statementListener) {

    /** Receives the statements a source opens while running part of a query, on the query's thread. */
    @FunctionalInterface
    public interface StatementListener {
        /**
         * Called before the statement runs; throwing refuses it (the query was cancelled meanwhile), and the source
         * then fails the query with that exception.
         */
        void opened(Statement statement) throws SQLException;

        StatementListener NONE = statement -> {};
    }

    public static SourceContext standalone() {
        return new SourceContext(StatementListener.NONE);
    }
}
