package org.facematch.api.upload;

public record UploadUrlRequest(String contentType, String fileName, Integer expiresIn) {}
