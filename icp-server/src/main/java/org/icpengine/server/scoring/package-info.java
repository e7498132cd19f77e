/**
 * Controllers for the models of {@code out/models/}: listing them with their scoring tables, and scoring accounts
 * posted as JSON ({@code POST /api/v1/score}).
 */
package org.icpengine.server.scoring;
