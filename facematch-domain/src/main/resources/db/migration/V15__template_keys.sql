-- The id of the keyring key that sealed the row's template (AES-256-GCM); NULL: stored in clear,
-- as templates were before encryption (org.facematch.storage.control.TemplateKeyring).
ALTER TABLE faces ADD COLUMN embedding_key_id VARCHAR(32) NULL;
CREATE INDEX ix_faces_embedding_key ON faces (embedding_key_id);
