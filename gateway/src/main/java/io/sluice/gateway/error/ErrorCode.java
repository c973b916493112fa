package io.sluice.gateway.error;

/**
 * Stable, user-facing error codes. The name is part of the contract (clients match on it); each code carries the
 * SQLSTATE sent over JDBC and the category that tells whose fault it is.
 */
public enum ErrorCode {
    /** The config file is malformed or inconsistent. */
    CONFIG_INVALID(Category.USER, "F0000"),
    /** SQL that does not parse; the location is the line and column in the statement. */
    QUERY_SYNTAX(Category.USER, "42601"),
    /** SQL that parses but does not validate: wrong types, bad function use. */
    QUERY_INVALID(Category.USER, "42000"),
    /** A table that does not exist in the named source and schema. */
    TABLE_NOT_FOUND(Category.USER, "42P01"),
    /** A column that does not exist. */
    COLUMN_NOT_FOUND(Category.USER, "42703"),
    /** A source or schema name that is not in the catalog. */
    SCHEMA_NOT_FOUND(Category.USER, "3F000"),
    /** Wrong user name or password, or none given where one is required. */
    AUTHENTICATION_FAILED(Category.USER, "28P01"),
    /** The user may not do this. */
    PERMISSION_DENIED(Category.USER, "42501"),
    /** A source could not be reached or refused the connection; other sources keep serving. */
    SOURCE_UNAVAILABLE(Category.EXTERNAL, "08001"),
    /** A source rejected or failed the statement Sluice sent it. */
    SOURCE_ERROR(Category.EXTERNAL, "58030"),
    /** The query was cancelled by its client. */
    QUERY_CANCELLED(Category.USER, "57014"),
    /** The query ran longer than its timeout. */
    QUERY_TIMEOUT(Category.USER, "57014"),
    /** A memory or size limit was exceeded. */
    RESOURCE_EXHAUSTED(Category.RESOURCES, "53000"),
    /** A quality rule with action {@code fail} was violated. */
    QUALITY_FAILED(Category.USER, "22000"),
    /** A feature that Sluice does not support (yet). */
    NOT_SUPPORTED(Category.USER, "0A000"),
    /** A bug in Sluice. */
    INTERNAL_ERROR(Category.INTERNAL, "XX000");

    /** Whose fault an error is: decides logging level and retry advice. */
    public enum Category {
        USER,
        EXTERNAL,
        INTERNAL,
        RESOURCES
    }

    private final Category category;
    private final String sqlState;

    ErrorCode(Category category, String sqlState) {
        this.category = category;
        this.sqlState = sqlState;
    }

    public Category category() {
        return category;
    }

    /** The five-character SQLSTATE reported over JDBC. */
    public String sqlState() {
        return sqlState;
    }
}
