package io.sluice.gateway.quality;

/** What a row rule's violation does to the row and the query. */
public enum CheckAction {
    /** Count it; the row passes. */
    WARN,
    /** Count it and remove the row from the result. */
    DROP,
    /** Count it, remove the row and write it to the quarantine store. */
    QUARANTINE,
    /** Stop the query with QUALITY_FAILED. */
    FAIL
}
