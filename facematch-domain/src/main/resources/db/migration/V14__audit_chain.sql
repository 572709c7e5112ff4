-- Every audit event is chained to the one before it of its tenant ('' for events of no tenant):
-- seq counts from 1 without gaps, hash is SHA-256 over the event's canonical text, which includes
-- prev_hash (org.facematch.audit.entity.ChainedEvent). The sequence is taken under the lock of the
-- chain's row in audit_chains, which the writing transaction holds until it commits.
ALTER TABLE audit_events
  ADD COLUMN seq       BIGINT   NULL,
  ADD COLUMN prev_hash CHAR(64) NULL,
  ADD COLUMN hash      CHAR(64) NULL,
  ADD UNIQUE KEY uq_audit_chain (tenant_id, seq);

-- unchained_through: events of this chain written before chaining began (ids up to this one) are
-- outside the chain; every later event must be in it.
CREATE TABLE audit_chains (
  chain_key          VARCHAR(64) NOT NULL,
  last_seq           BIGINT      NOT NULL,
  last_hash          CHAR(64)    NOT NULL,
  unchained_through  BIGINT      NOT NULL,
  PRIMARY KEY (chain_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_chains (chain_key, last_seq, last_hash, unchained_through)
SELECT COALESCE(tenant_id, ''), 0, REPEAT('0', 64), MAX(id) FROM audit_events GROUP BY COALESCE(tenant_id, '');

-- Signed statements about a chain (the pattern of AWS CloudTrail's digest files): HEAD, the hash of
-- the chain's event at seq, signed periodically; ANCHOR, written by the retention purge, the hash of
-- the last event it removed, from which the rest of the chain is verified. Each carries the
-- signature of the chain's digest before it.
CREATE TABLE audit_digests (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  chain_key          VARCHAR(64)  NOT NULL,
  kind               VARCHAR(8)   NOT NULL,
  seq                BIGINT       NOT NULL,
  head_hash          CHAR(64)     NOT NULL,
  signed_at          DATETIME(3)  NOT NULL,
  key_id             CHAR(64)     NULL,
  previous_signature VARCHAR(1024) NULL,
  signature          VARCHAR(1024) NULL,
  PRIMARY KEY (id),
  KEY ix_audit_digests_chain (chain_key, id),
  CONSTRAINT ck_audit_digest_kind CHECK (kind IN ('HEAD', 'ANCHOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO scheduled_jobs (name, next_run_at) VALUES ('audit-digest', '2000-01-01 00:00:00.000');
