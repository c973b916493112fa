package io.sluice.quality.validation;

import io.sluice.quality.model.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The columns of a table as Sluice's SQL sees them: its name and Calcite row type (what the gateway's catalog reports
 * for {@code source.schema.table}).
 */
public record TableSchema(TableName name, RelDataType rowType) {

    public TableSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rowType, "rowType");
        if (!rowType.isStruct()) {
            throw new IllegalArgumentException("a table's row type must be a struct, got " + rowType);
        }
    }

    /** The column named {@code column}, ignoring case like unquoted identifiers in Sluice's SQL. */
    public Optional<RelDataTypeField> column(String column) {
        return rowType.getFieldList().stream()
                .filter(field -> field.getName().equalsIgnoreCase(column))
                .findFirst();
    }

    /** The column names, in table order. */
    public List<String> columnNames() {
        return rowType.getFieldNames();
    }

    /** Builds a schema column by column, e.g. in tests or from a catalog that is not a Calcite schema. */
    public static Builder builder(TableName name, RelDataTypeFactory typeFactory) {
        return new Builder(name, typeFactory);
    }

    /** Collects columns in order; every column is nullable unless said otherwise. */
    public static final class Builder {

        private final TableName name;
        private final RelDataTypeFactory typeFactory;
        private final RelDataTypeFactory.Builder fields;

        private Builder(TableName name, RelDataTypeFactory typeFactory) {
            this.name = name;
            this.typeFactory = typeFactory;
            this.fields = typeFactory.builder();
        }

        public Builder column(String column, SqlTypeName type) {
            return column(column, typeFactory.createSqlType(type));
        }

        public Builder column(String column, SqlTypeName type, int precision) {
            return column(column, typeFactory.createSqlType(type, precision));
        }

        public Builder column(String column, SqlTypeName type, int precision, int scale) {
            return column(column, typeFactory.createSqlType(type, precision, scale));
        }

        public Builder column(String column, RelDataType type) {
            fields.add(column, typeFactory.createTypeWithNullability(type, true));
            return this;
        }

        public TableSchema build() {
            return new TableSchema(name, fields.build());
        }
    }
}
