/**
 * Helpers shared by the server's controllers: the API error type, JSON value conversion and paging. Internal: do
 * not depend on this package from outside {@code org.icpengine.server}.
 */
package org.icpengine.server.internal;
