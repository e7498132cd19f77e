/**
 * The SQL engine seam: {@link org.icpengine.core.engine.Engine} runs the portable metric and segment SQL;
 * {@link org.icpengine.core.engine.DuckDbEngine} is the embedded implementation.
 */
package org.icpengine.core.engine;
