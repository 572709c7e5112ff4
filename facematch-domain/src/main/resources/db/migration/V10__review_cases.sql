-- Searches a human must look at: ended In Review or Declined because of a blacklist or duplicate hit.
CREATE TABLE review_cases (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  tenant_id          VARCHAR(64)   NOT NULL,
  created_at         DATETIME(3)   NOT NULL,
  request_id         VARCHAR(64)   NULL,
  search_status      VARCHAR(32)   NOT NULL,
  risk               VARCHAR(64)   NOT NULL,
  probe_s3_key       VARCHAR(512)  NOT NULL,
  matched_face_id    CHAR(36)      NOT NULL,
  matched_session_id VARCHAR(128)  NULL,
  similarity         DOUBLE        NOT NULL,
  state              VARCHAR(16)   NOT NULL DEFAULT 'OPEN',
  decided_at         DATETIME(3)   NULL,
  decided_by         VARCHAR(200)  NULL,
  decision_note      VARCHAR(500)  NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_review_tenant_state (tenant_id, state, created_at),
  CONSTRAINT fk_review_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
  CONSTRAINT ck_review_state CHECK (state IN ('OPEN', 'CONFIRMED', 'DISMISSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
