-- Support's per-tenant request quotas (requests per minute); a tenant without a row has the defaults.
CREATE TABLE tenant_rate_limits (
  tenant_id           VARCHAR(64)   NOT NULL,
  verify_per_minute   INT           NOT NULL,
  search_per_minute   INT           NOT NULL,
  register_per_minute INT           NOT NULL,
  other_per_minute    INT           NOT NULL,
  revision            BIGINT        NOT NULL,
  updated_at          DATETIME(3)   NOT NULL,
  updated_by          VARCHAR(200)  NOT NULL,
  PRIMARY KEY (tenant_id),
  CONSTRAINT fk_rate_limits_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
