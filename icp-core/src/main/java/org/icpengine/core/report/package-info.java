/**
 * The ICP report: one self-contained HTML file of every pipeline result, charts drawn by an inlined ECharts.
 * Start at {@link org.icpengine.core.report.Reports#run}; the rendering path ({@link org.icpengine.core.report.ReportModel}
 * → {@link org.icpengine.core.report.HtmlReport#render}, chart options from {@link org.icpengine.core.report.Charts}) is
 * what the dashboard reuses.
 */
package org.icpengine.core.report;
