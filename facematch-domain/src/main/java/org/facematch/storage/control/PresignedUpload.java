package org.facematch.storage.control;

import java.net.URL;
import java.time.Instant;

public record PresignedUpload(URL url, Instant expiresAt) {}
