/** The HTTP API under {@code /api/v1} and the web dashboard. */
package org.icpengine.server;
