-- caredesk schema 1 (PostgreSQL 15). Instants are UTC seconds since the epoch (BIGINT), the same
-- as on SQLite, so a store copies between engines unchanged. Events are append-only: triggers
-- refuse updates and deletes, and the hash chain catches edits made behind their back.

CREATE TABLE staff (
  id             BIGSERIAL PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  initials       TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('agent', 'manager', 'auditor', 'admin')),
  department_id  BIGINT,
  active         BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE departments (
  id          BIGSERIAL PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  manager_id  BIGINT REFERENCES staff(id)
);
ALTER TABLE staff ADD FOREIGN KEY (department_id) REFERENCES departments(id);

CREATE TABLE customers (
  id                  BIGSERIAL PRIMARY KEY,
  name                TEXT NOT NULL DEFAULT '',
  email               TEXT UNIQUE,
  phone               TEXT NOT NULL DEFAULT '',
  address             TEXT NOT NULL DEFAULT '',
  language            TEXT NOT NULL DEFAULT 'en',
  accessibility       TEXT NOT NULL DEFAULT '',
  adjustments         TEXT NOT NULL DEFAULT '[]',
  contact_preference  TEXT NOT NULL DEFAULT '',
  account_manager_id  BIGINT REFERENCES staff(id),
  representative      TEXT,
  created_at          BIGINT NOT NULL
);

CREATE TABLE policy_versions (
  version       TEXT PRIMARY KEY,
  text          TEXT NOT NULL,
  installed_at  BIGINT NOT NULL,
  active        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX policy_versions_one_active ON policy_versions(active) WHERE active;

-- Case references are numbered by one sequence per year, case_reference_YYYY, created when a
-- year's first case is (src/store/postgres/pg_cases.cc).

CREATE TABLE cases (
  id              BIGSERIAL PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  channel         TEXT NOT NULL,
  stage           TEXT,
  status          TEXT NOT NULL,
  anonymous       BOOLEAN NOT NULL,
  customer_id     BIGINT REFERENCES customers(id),
  department_id   BIGINT REFERENCES departments(id),
  assignee_id     BIGINT REFERENCES staff(id),
  subject         TEXT NOT NULL,
  nature          TEXT NOT NULL DEFAULT '',
  service         TEXT NOT NULL DEFAULT '',
  policy_version  TEXT NOT NULL REFERENCES policy_versions(version),
  received_at     BIGINT NOT NULL,
  logged_at       BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  next_due        BIGINT,
  queue_key       BIGINT NOT NULL,
  next_standard   TEXT NOT NULL DEFAULT '',
  next_status     TEXT,
  event_count     BIGINT NOT NULL,
  search          TSVECTOR NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX cases_queue ON cases(queue_key, id);
CREATE INDEX cases_status_queue ON cases(status, queue_key, id);
CREATE INDEX cases_assignee_queue ON cases(assignee_id, queue_key, id);
CREATE INDEX cases_department_queue ON cases(department_id, queue_key, id);
CREATE INDEX cases_customer ON cases(customer_id, received_at DESC, id DESC);
CREATE INDEX cases_received ON cases(received_at, id);
CREATE INDEX cases_search ON cases USING GIN (search);

CREATE TABLE events (
  case_id         BIGINT NOT NULL REFERENCES cases(id),
  seq             BIGINT NOT NULL,
  type            TEXT NOT NULL,
  at              BIGINT NOT NULL,
  actor_id        TEXT NOT NULL DEFAULT '',
  actor_name      TEXT NOT NULL DEFAULT '',
  actor_initials  TEXT NOT NULL DEFAULT '',
  payload         TEXT NOT NULL,
  recorded_at     BIGINT NOT NULL,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
);

CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: correct with a new event';
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();

CREATE TABLE attachments (
  sha256   TEXT PRIMARY KEY,
  size     BIGINT NOT NULL,
  content  BYTEA NOT NULL
);

CREATE TABLE event_attachments (
  case_id       BIGINT NOT NULL,
  event_seq     BIGINT NOT NULL,
  sha256        TEXT NOT NULL REFERENCES attachments(sha256),
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  PRIMARY KEY (case_id, event_seq, sha256, filename),
  FOREIGN KEY (case_id, event_seq) REFERENCES events(case_id, seq)
);

CREATE TABLE suggestions (
  id           BIGSERIAL PRIMARY KEY,
  customer_id  BIGINT REFERENCES customers(id),
  channel      TEXT NOT NULL,
  text         TEXT NOT NULL,
  received_at  BIGINT NOT NULL,
  status       TEXT NOT NULL,
  response     TEXT NOT NULL DEFAULT '',
  published    BOOLEAN NOT NULL DEFAULT FALSE
);
