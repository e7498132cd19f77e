/**
 * Team outputs of DESIGN.md "Outputs for the teams": the CSV files {@code icp export} writes under
 * {@code out/exports/} for marketing, sales, product and customer success. Start with
 * {@link org.icpengine.core.pipeline.exports.Exports#run}; the rules behind each file are documented there and in
 * {@link org.icpengine.core.pipeline.exports.ExportSettings}.
 */
package org.icpengine.core.pipeline.exports;
