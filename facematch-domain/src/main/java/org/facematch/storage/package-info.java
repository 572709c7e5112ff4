/**
 * Face images in an S3-compatible store, behind the {@link org.facematch.storage.control.BlobStore}
 * seam. Every key starts with {@code tenants/<tenant>/}, so one tenant's objects can never be named
 * through another tenant's requests.
 */
package org.facematch.storage;
