/**
 * Lossless, all-or-nothing ingestion of source files into the canonical tables
 * (DESIGN.md "Ingestion: nothing lost, nothing half-done"). Start with
 * {@link org.icpengine.core.ingest.Ingestor}.
 */
package org.icpengine.core.ingest;
