/** {@code icp stats}: fitting the models of icp-stats on a CSV from the command line. */
package org.icpengine.cli.stats;
