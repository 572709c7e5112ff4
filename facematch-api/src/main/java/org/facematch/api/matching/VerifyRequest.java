package org.facematch.api.matching;

public record VerifyRequest(
    String imageFormat, String sourceImage, String targetImage, Double threshold) {}
