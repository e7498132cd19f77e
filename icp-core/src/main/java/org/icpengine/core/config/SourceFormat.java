package org.icpengine.core.config;

import java.util.Locale;
import java.util.Optional;

/** The file formats a source can be read from. */
public enum SourceFormat {
    CSV, TSV, JSONL, PARQUET;

    /** The format implied by a file name's extension, if known. */
    public static Optional<SourceFormat> fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".tsv") || n.endsWith(".tab")) {
            return Optional.of(TSV);
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        if (n.endsWith(".parquet") || n.endsWith(".pq")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }

    /** The name used in {@code icp.yaml}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
