package org.icpengine.core.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.icpengine.core.schema.CanonicalTable;

/**
 * How one canonical table is read: file or glob, format, and the mapping from source columns and
 * values to canonical ones (DESIGN.md "icp.yaml").
 *
 * @param table         the canonical table filled
 * @param path          file or glob, relative to the workspace unless absolute
 * @param format        the format, or empty to infer it from each file's extension
 * @param delimiter     CSV delimiter, or empty to detect it
 * @param columns       canonical column → source column (identity where absent)
 * @param values        canonical column → (source value → canonical value)
 * @param defaults      canonical column → value used where the source has none
 * @param nullValues    source texts read as missing
 * @param listSeparator separator of list columns such as {@code tech_stack}
 * @param dateFormat    extra date pattern (Java style, e.g. {@code dd/MM/yyyy}) tried before ISO-8601
 * @param attributes    custom columns kept, by attribute name
 */
public record SourceConfig(CanonicalTable table, String path, Optional<SourceFormat> format, Optional<String> delimiter,
                           Map<String, String> columns, Map<String, Map<String, String>> values,
                           Map<String, String> defaults, List<String> nullValues, String listSeparator,
                           Optional<String> dateFormat, Map<String, AttributeConfig> attributes) {

    public SourceConfig {
        Objects.requireNonNull(table);
        Objects.requireNonNull(path);
        columns = Map.copyOf(columns);
        values = Map.copyOf(values);
        defaults = Map.copyOf(defaults);
        nullValues = List.copyOf(nullValues);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    /** The source column for a canonical column (identity where not mapped). */
    public String sourceColumn(String canonical) {
        return columns.getOrDefault(canonical, canonical);
    }
}
