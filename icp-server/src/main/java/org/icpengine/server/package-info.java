/**
 * The HTTP API of {@code icp serve} under {@code /api/v1}. Start at {@link org.icpengine.server.IcpServer#create},
 * which builds the Javalin app (not yet started) over a workspace; {@link org.icpengine.server.ServerSettings}
 * holds the host, port and limits.
 */
package org.icpengine.server;
