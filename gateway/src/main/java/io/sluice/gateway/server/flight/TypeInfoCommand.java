package io.sluice.gateway.server.flight;

import io.sluice.gateway.catalog.SupportedTypes;
import io.sluice.gateway.catalog.SupportedTypes.TypeInfo;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.XdbcDataType;
import org.apache.arrow.flight.sql.impl.FlightSql.XdbcDatetimeSubcode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/**
 * Answers {@code GetXdbcTypeInfo} from {@link SupportedTypes}, the list the JDBC server's {@code getTypeInfo} answers
 * from too, optionally only the types with the JDBC type code the command names.
 */
final class TypeInfoCommand {

    private TypeInfoCommand() {}

    static void send(CommandGetXdbcTypeInfo command, BufferAllocator allocator, ServerStreamListener listener) {
        List<TypeInfo> types =
                command.hasDataType() ? SupportedTypes.withJdbcType(command.getDataType()) : SupportedTypes.all();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TYPE_INFO_SCHEMA, allocator)) {
            root.allocateNew();
            UnionListWriter createParams = ((ListVector) root.getVector("create_params")).getWriter();
            for (int row = 0; row < types.size(); row++) {
                TypeInfo type = types.get(row);
                text(root, "type_name", row, type.name());
                integer(root, "data_type", row, type.jdbcType());
                integer(root, "column_size", row, type.precision());
                text(root, "literal_prefix", row, type.literalPrefix());
                text(root, "literal_suffix", row, type.literalSuffix());
                if (!type.createParams().isEmpty()) {
                    createParams.setPosition(row);
                    createParams.startList();
                    type.createParams().forEach(createParams::writeVarChar);
                    createParams.endList();
                }
                integer(root, "nullable", row, DatabaseMetaData.typeNullable);
                bit(root, "case_sensitive", row, type.caseSensitive());
                integer(root, "searchable", row, type.searchable());
                bit(root, "unsigned_attribute", row, type.unsigned());
                bit(root, "fixed_prec_scale", row, false);
                bit(root, "auto_increment", row, false);
                text(root, "local_type_name", row, type.name());
                integer(root, "minimum_scale", row, type.minimumScale());
                integer(root, "maximum_scale", row, type.maximumScale());
                integer(root, "sql_data_type", row, sqlDataType(type));
                integer(root, "datetime_subcode", row, datetimeSubcode(type));
                integer(root, "num_prec_radix", row, type.radix());
                integer(root, "interval_precision", row, null);
            }
            root.setRowCount(types.size());
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    /** The protocol's "SQL data type": the JDBC code, but one generic code for all date-times. */
    private static int sqlDataType(TypeInfo type) {
        return datetimeSubcode(type) == null ? type.jdbcType() : XdbcDataType.XDBC_DATETIME_VALUE;
    }

    private static Integer datetimeSubcode(TypeInfo type) {
        return switch (type.jdbcType()) {
            case Types.DATE -> XdbcDatetimeSubcode.XDBC_SUBCODE_DATE_VALUE;
            case Types.TIME -> XdbcDatetimeSubcode.XDBC_SUBCODE_TIME_VALUE;
            case Types.TIMESTAMP -> XdbcDatetimeSubcode.XDBC_SUBCODE_TIMESTAMP_VALUE;
            default -> null;
        };
    }

    private static void text(VectorSchemaRoot root, String column, int row, String value) {
        VarCharVector vector = (VarCharVector) root.getVector(column);
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void integer(VectorSchemaRoot root, String column, int row, Integer value) {
        IntVector vector = (IntVector) root.getVector(column);
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, value);
        }
    }

    private static void bit(VectorSchemaRoot root, String column, int row, Boolean value) {
        BitVector vector = (BitVector) root.getVector(column);
        if (value == null) {
            vector.setNull(row);
        } else {
            vector.setSafe(row, value ? 1 : 0);
        }
    }
}
