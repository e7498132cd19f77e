/** Internals shared across the statistics packages; do not depend on this outside {@code icp-stats}. */
package org.icpengine.stats.internal;
