/** The embedded DuckDB store of a workspace and its tables; start with {@link org.icpengine.core.store.Store}. */
package org.icpengine.core.store;
