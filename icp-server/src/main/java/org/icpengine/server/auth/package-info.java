/**
 * API keys: {@link org.icpengine.server.auth.ApiKeys} creates them and stores only salted SHA-256 hashes in the
 * workspace; {@link org.icpengine.server.auth.BearerAuth} checks {@code Authorization: Bearer} on every API request.
 */
package org.icpengine.server.auth;
