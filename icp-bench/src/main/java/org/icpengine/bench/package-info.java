/** JMH benchmarks of the kernels; end-to-end comparisons live in {@code bench/} scripts. */
package org.icpengine.bench;
