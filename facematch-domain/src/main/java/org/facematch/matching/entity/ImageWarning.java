package org.facematch.matching.entity;

import org.facematch.engine.entity.QualityWarning;

/** A quality warning about one of the images of a request. */
public record ImageWarning(QualityWarning code, String image) {}
