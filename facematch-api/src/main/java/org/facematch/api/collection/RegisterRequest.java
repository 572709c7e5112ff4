package org.facematch.api.collection;

import jakarta.json.JsonObject;

public record RegisterRequest(
    String imageFormat, String image, String sessionId, JsonObject metadata) {}
