-- Support's retention schedule per tenant, in days; a tenant without a row has the defaults
-- (RetentionPolicy.DEFAULTS: faces 1095, review cases 90 after decision, audit events 2555).
CREATE TABLE tenant_retention (
  tenant_id    VARCHAR(64)  NOT NULL,
  face_days    INT          NOT NULL,
  review_days  INT          NOT NULL,
  audit_days   INT          NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  updated_by   VARCHAR(200) NOT NULL,
  PRIMARY KEY (tenant_id),
  CONSTRAINT fk_retention_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
  CONSTRAINT ck_retention_days CHECK (face_days BETWEEN 1 AND 3650 AND review_days BETWEEN 1 AND 3650
                                      AND audit_days BETWEEN 1 AND 3650)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Jobs that one node of the cluster runs per interval: the node whose UPDATE moves next_run_at
-- forward runs it; the others find it moved.
CREATE TABLE scheduled_jobs (
  name         VARCHAR(64)  NOT NULL,
  next_run_at  DATETIME(3)  NOT NULL,
  claimed_by   VARCHAR(200) NULL,
  claimed_at   DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Decided review cases leave by decision time.
CREATE INDEX ix_review_tenant_decided ON review_cases (tenant_id, decided_at);
INSERT INTO scheduled_jobs (name, next_run_at) VALUES ('retention', '2000-01-01 00:00:00.000');
