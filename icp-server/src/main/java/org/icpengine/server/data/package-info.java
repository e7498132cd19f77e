/**
 * Controllers for the pipeline's results: account metrics and segments (read from the store through
 * {@link org.icpengine.server.data.StoreAccess}), and discovery, validation and exports (read from {@code out/}).
 */
package org.icpengine.server.data;
