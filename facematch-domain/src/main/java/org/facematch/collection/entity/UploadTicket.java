package org.facematch.collection.entity;

import java.net.URL;
import java.time.Instant;

/** Permission to upload one image directly to the object store, for later use as an s3_uri. */
public record UploadTicket(URL uploadUrl, String s3Uri, String s3Key, Instant expiresAt) {}
