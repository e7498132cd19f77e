/**
 * The ICP pipeline of DESIGN.md: the ideal outcome ({@link org.icpengine.core.pipeline.Outcomes}), discovery,
 * scorecards, validation and scoring, in the subpackages.
 */
package org.icpengine.core.pipeline;
