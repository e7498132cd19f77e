package org.icpengine.core.config;

import java.util.Locale;

import org.icpengine.core.schema.ColumnType;

/** The declared type of a custom attribute column ({@code attributes: {x: {column: .., type: ..}}}). */
public enum AttributeType {
    CATEGORY(ColumnType.TEXT), NUMBER(ColumnType.NUMBER), BOOLEAN(ColumnType.BOOL), LIST(ColumnType.LIST);

    private final ColumnType columnType;

    AttributeType(ColumnType columnType) {
        this.columnType = columnType;
    }

    /** The stored column type. */
    public ColumnType columnType() {
        return columnType;
    }

    /** The name used in {@code icp.yaml}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
