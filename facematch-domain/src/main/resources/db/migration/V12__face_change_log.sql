-- Every change to a tenant's faces, in the order the changes committed, for every node to apply to
-- its own search index. The sequence is per tenant and taken under the lock of the tenant's row in
-- change_sequences, which the writing transaction holds until it ends: a change with a higher
-- sequence can only commit after every lower one, so a reader never sees a gap that fills later.
CREATE TABLE change_sequences (
  tenant_id  VARCHAR(64) NOT NULL,
  last_seq   BIGINT      NOT NULL,
  PRIMARY KEY (tenant_id),
  CONSTRAINT fk_change_sequences_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE face_changes (
  tenant_id   VARCHAR(64) NOT NULL,
  seq         BIGINT      NOT NULL,
  face_id     CHAR(36)    NULL,
  kind        VARCHAR(16) NOT NULL,
  engine      VARCHAR(64) NULL,
  changed_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (tenant_id, seq),
  KEY ix_face_changes_changed (changed_at),
  CONSTRAINT fk_face_changes_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A node rebuilds a tenant's index by reading its templates in id order.
CREATE INDEX ix_faces_tenant_model_id ON faces (tenant_id, model_version, id);
