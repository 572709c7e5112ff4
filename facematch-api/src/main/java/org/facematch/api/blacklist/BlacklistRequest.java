package org.facematch.api.blacklist;

public record BlacklistRequest(String faceId, String reason) {}
