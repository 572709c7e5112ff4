package org.facematch.api.matching;

public record SearchRequest(
    String imageFormat, String image, Integer maxResults, Double threshold, String sessionId) {}
