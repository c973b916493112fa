package io.sluice.gateway.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a query result in one output format. */
interface ResultWriter {

    /** Writes every row of {@code rows} (which the caller closes) to {@code out}; returns the number of rows. */
    long write(ResultSet rows, PrintWriter out) throws SQLException;
}
