/**
 * The workspace configuration {@code icp.yaml}: its records and the validating
 * {@link org.icpengine.core.config.ConfigLoader}. The format is a contract (DESIGN.md).
 */
package org.icpengine.core.config;
