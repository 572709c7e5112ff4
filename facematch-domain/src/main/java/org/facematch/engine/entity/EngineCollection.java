package org.facematch.engine.entity;

import java.util.OptionalLong;

/**
 * A tenant's collection as its engine sees it.
 *
 * @param faceCount the engine's own count, where it keeps one (Rekognition does)
 * @param modelVersion the version of the model behind the scores, as the engine reports it
 */
public record EngineCollection(OptionalLong faceCount, String modelVersion) {}
