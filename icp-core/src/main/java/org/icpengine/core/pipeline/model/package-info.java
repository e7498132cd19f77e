/**
 * Scorecards of the ICP pipeline: the learned {@code fit}, {@code conversion} and {@code health} models and the
 * hand-written ones of {@code icp.yaml}, their model files, and scoring. Start with
 * {@link org.icpengine.core.pipeline.model.Models#fit}, which returns the {@link org.icpengine.core.pipeline.model.ModelFile}s;
 * score accounts with {@link org.icpengine.core.pipeline.model.Scoring}; read inputs with
 * {@link org.icpengine.core.pipeline.model.Features}.
 */
package org.icpengine.core.pipeline.model;
