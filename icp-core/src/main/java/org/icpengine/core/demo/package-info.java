/**
 * The seeded demo-data generator: a B2B SaaS company's eight source tables, an {@code icp.yaml}
 * that maps them, and a planted ideal customer profile for the pipeline to rediscover. Start with
 * {@link org.icpengine.core.demo.DemoGenerator}; {@link org.icpengine.core.demo.DemoSettings} holds
 * the size, seed and {@code as_of} date, and {@link org.icpengine.core.demo.DemoSummary} what was
 * written.
 */
package org.icpengine.core.demo;
