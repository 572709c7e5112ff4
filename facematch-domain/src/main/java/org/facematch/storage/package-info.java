/**
 * Face images in an S3-compatible store, behind the {@link org.facematch.storage.control.BlobStore}
 * seam. Every key starts with {@code tenants/<tenant>/}, so one tenant's objects can never be named
 * through another tenant's requests. Face templates are sealed at rest with AES-256-GCM under a
 * keyring from configuration ({@code TemplateKeyring}), the key's id stored beside each row.
 */
package org.facematch.storage;
