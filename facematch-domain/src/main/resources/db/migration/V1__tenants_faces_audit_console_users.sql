CREATE TABLE tenants (
  id                     VARCHAR(64)  NOT NULL,
  name                   VARCHAR(200) NOT NULL,
  enabled                BOOLEAN      NOT NULL DEFAULT FALSE,
  verification_threshold DOUBLE       NOT NULL DEFAULT 0.6,
  search_threshold       DOUBLE       NOT NULL DEFAULT 0.8,
  max_faces_per_user     INT          NOT NULL DEFAULT 5,
  enable_blacklist       BOOLEAN      NOT NULL DEFAULT TRUE,
  model_version          VARCHAR(64)  NOT NULL,
  created_at             DATETIME(3)  NOT NULL,
  created_by             VARCHAR(200) NOT NULL,
  updated_at             DATETIME(3)  NOT NULL,
  updated_by             VARCHAR(200) NOT NULL,
  version                BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uq_tenants_name (name),
  CONSTRAINT ck_tenants_verification_threshold CHECK (verification_threshold BETWEEN 0 AND 1),
  CONSTRAINT ck_tenants_search_threshold CHECK (search_threshold BETWEEN 0 AND 1),
  CONSTRAINT ck_tenants_max_faces CHECK (max_faces_per_user BETWEEN 1 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE faces (
  id               CHAR(36)     NOT NULL,
  tenant_id        VARCHAR(64)  NOT NULL,
  session_id       VARCHAR(128) NOT NULL,
  engine_face_id   VARCHAR(64)  NOT NULL,
  s3_key           VARCHAR(512) NOT NULL,
  metadata         JSON         NULL,
  model_version    VARCHAR(64)  NOT NULL,
  embedding        BLOB         NULL,
  quality          DOUBLE       NULL,
  blacklisted      BOOLEAN      NOT NULL DEFAULT FALSE,
  blacklist_reason VARCHAR(500) NULL,
  blacklisted_at   DATETIME(3)  NULL,
  blacklisted_by   VARCHAR(200) NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_faces_tenant_session (tenant_id, session_id),
  KEY ix_faces_tenant_created (tenant_id, created_at),
  KEY ix_faces_tenant_blacklisted (tenant_id, blacklisted),
  CONSTRAINT fk_faces_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_events (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at   DATETIME(3)   NOT NULL,
  tenant_id     VARCHAR(64)   NULL,
  actor         VARCHAR(200)  NOT NULL,
  operation     VARCHAR(64)   NOT NULL,
  outcome       VARCHAR(64)   NOT NULL,
  face_ids      VARCHAR(1000) NULL,
  similarity    DOUBLE        NULL,
  processing_ms INT           NULL,
  request_id    VARCHAR(64)   NULL,
  details       VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  KEY ix_audit_tenant_time (tenant_id, occurred_at),
  KEY ix_audit_time (occurred_at),
  KEY ix_audit_operation_time (operation, occurred_at),
  KEY ix_audit_actor_time (actor, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE console_users (
  username      VARCHAR(100) NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  role          VARCHAR(32)  NOT NULL,
  tenant_id     VARCHAR(64)  NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_logins INT          NOT NULL DEFAULT 0,
  locked_until  DATETIME(3)  NULL,
  created_at    DATETIME(3)  NOT NULL,
  created_by    VARCHAR(200) NOT NULL,
  PRIMARY KEY (username),
  CONSTRAINT fk_console_users_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
  CONSTRAINT ck_console_users_role CHECK (role IN ('support', 'tenant-admin')),
  CONSTRAINT ck_console_users_tenant CHECK (role = 'support' OR tenant_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
