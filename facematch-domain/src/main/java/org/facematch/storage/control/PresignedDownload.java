package org.facematch.storage.control;

import java.net.URL;
import java.time.Instant;

/** A URL that reads one object until it expires, as signed. */
public record PresignedDownload(URL url, Instant expiresAt) {}
