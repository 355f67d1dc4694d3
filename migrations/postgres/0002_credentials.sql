-- caredesk schema 2 (PostgreSQL 15): sign-in. Only hashes are kept — argon2id strings for
-- passwords, SHA-256 (hex) for API tokens, browser session ids, CSRF tokens and case tracking
-- secrets — so a copy of the database lets no one sign in or read a customer's case.

ALTER TABLE staff ADD COLUMN password_hash TEXT;      -- NULL: cannot sign in with a password
ALTER TABLE customers ADD COLUMN password_hash TEXT;  -- NULL: no portal account

-- Bearer tokens for scripts and other systems, one row per token, never deleted (revoked).
CREATE TABLE api_tokens (
  id            BIGSERIAL PRIMARY KEY,
  staff_id      BIGINT NOT NULL REFERENCES staff(id),
  token_hash    TEXT NOT NULL UNIQUE,
  label         TEXT NOT NULL DEFAULT '',
  created_at    BIGINT NOT NULL,
  last_used_at  BIGINT,
  revoked_at    BIGINT
);
CREATE INDEX api_tokens_staff ON api_tokens(staff_id, id);

-- Browser sign-in: a staff member's or a customer's, never both.
CREATE TABLE sessions (
  id            BIGSERIAL PRIMARY KEY,
  session_hash  TEXT NOT NULL UNIQUE,
  staff_id      BIGINT REFERENCES staff(id),
  customer_id   BIGINT REFERENCES customers(id),
  csrf_hash     TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  expires_at    BIGINT NOT NULL,
  revoked       BOOLEAN NOT NULL DEFAULT FALSE,
  CHECK ((staff_id IS NULL) <> (customer_id IS NULL))
);
CREATE INDEX sessions_staff ON sessions(staff_id) WHERE staff_id IS NOT NULL;
CREATE INDEX sessions_customer ON sessions(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX sessions_expires ON sessions(expires_at);

-- The customer portal's tracking secret: with the case reference, it opens that one case.
CREATE TABLE case_secrets (
  case_id      BIGINT PRIMARY KEY REFERENCES cases(id),
  secret_hash  TEXT NOT NULL,
  created_at   BIGINT NOT NULL
);
