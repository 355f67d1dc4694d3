-- caredesk schema 2 (SQLite): sign-in. Only hashes are kept — argon2id strings for passwords,
-- SHA-256 (hex) for API tokens, browser session ids, CSRF tokens and case tracking secrets — so
-- a copy of the database lets no one sign in or read a customer's case.

ALTER TABLE staff ADD COLUMN password_hash TEXT;      -- NULL: cannot sign in with a password
ALTER TABLE customers ADD COLUMN password_hash TEXT;  -- NULL: no portal account

-- Bearer tokens for scripts and other systems, one row per token, never deleted (revoked).
CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  staff_id      INTEGER NOT NULL REFERENCES staff(id),
  token_hash    TEXT NOT NULL UNIQUE,
  label         TEXT NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);
CREATE INDEX api_tokens_staff ON api_tokens(staff_id, id);

-- Browser sign-in: a staff member's or a customer's, never both.
CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  session_hash  TEXT NOT NULL UNIQUE,
  staff_id      INTEGER REFERENCES staff(id),
  customer_id   INTEGER REFERENCES customers(id),
  csrf_hash     TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  revoked       INTEGER NOT NULL DEFAULT 0,
  CHECK ((staff_id IS NULL) <> (customer_id IS NULL))
);
CREATE INDEX sessions_staff ON sessions(staff_id) WHERE staff_id IS NOT NULL;
CREATE INDEX sessions_customer ON sessions(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX sessions_expires ON sessions(expires_at);

-- The customer portal's tracking secret: with the case reference, it opens that one case.
CREATE TABLE case_secrets (
  case_id      INTEGER PRIMARY KEY REFERENCES cases(id),
  secret_hash  TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);
