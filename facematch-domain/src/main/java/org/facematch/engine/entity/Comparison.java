package org.facematch.engine.entity;

import java.util.List;

/**
 * The outcome of a 1:1 comparison.
 *
 * @param confidence how sure the engine is that both subjects are faces (0-1)
 */
public record Comparison(
    Similarity similarity,
    double confidence,
    List<QualityWarning> sourceWarnings,
    List<QualityWarning> targetWarnings) {}
