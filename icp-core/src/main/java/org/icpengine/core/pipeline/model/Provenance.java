package org.icpengine.core.pipeline.model;

import java.util.Objects;

/**
 * Where a model came from: the data date, the seed, and fingerprints of the configuration and of the data.
 *
 * @param asOf              the date the training data is as of, yyyy-mm-dd
 * @param seed              the seed given to {@code icp fit}; the current trainers are deterministic, so it is
 *                          recorded for provenance and for future randomized steps
 * @param configFingerprint SHA-256 of the text of {@code icp.yaml}
 * @param dataFingerprint   SHA-256 of the store's {@code ingest_log} (table, file name, bytes and row counts of
 *                          every load, without its time stamps) and of {@code asOf}
 * @param engineVersion     the ICP Engine version that fitted it
 */
public record Provenance(String asOf, long seed, String configFingerprint, String dataFingerprint,
                         String engineVersion) {

    /** Validates. */
    public Provenance {
        java.time.LocalDate.parse(Objects.requireNonNull(asOf, "asOf"));
        Objects.requireNonNull(configFingerprint, "configFingerprint");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        Objects.requireNonNull(engineVersion, "engineVersion");
    }
}
