package io.sluice.adapters.spi;

import java.util.Optional;

/**
 * The comments a source keeps on a table and its columns ({@code COMMENT ON} in PostgreSQL, {@code COMMENT '...'} in
 * MySQL), implemented by the Calcite tables of sources that know them and found with
 * {@code maybeUnwrap(TableComments.class)} on the table. Clients see them as {@code REMARKS}.
 */
public interface TableComments {

    /** The table's comment; empty when it has none or the source cannot tell. */
    Optional<String> tableComment();

    /** The comment on column {@code column}; empty when it has none or there is no such column. */
    Optional<String> columnComment(String column);
}
