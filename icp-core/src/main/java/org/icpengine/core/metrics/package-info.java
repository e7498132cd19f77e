/**
 * Account metrics of DESIGN.md "Metrics", computed point in time. {@link org.icpengine.core.metrics.MetricCatalog}
 * names them.
 */
package org.icpengine.core.metrics;
