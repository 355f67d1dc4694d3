-- caredesk schema 1 (SQLite). Instants are UTC seconds since the epoch. Events are append-only:
-- triggers refuse updates and deletes, and each event's hash chains it to the one before, so an
-- edit made behind the triggers' back is caught by `caredesk audit verify`.

CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  manager_id  INTEGER REFERENCES staff(id)
);

CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  initials       TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('agent', 'manager', 'auditor', 'admin')),
  department_id  INTEGER REFERENCES departments(id),
  active         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE customers (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL DEFAULT '',
  email               TEXT UNIQUE,
  phone               TEXT NOT NULL DEFAULT '',
  address             TEXT NOT NULL DEFAULT '',
  language            TEXT NOT NULL DEFAULT 'en',
  accessibility       TEXT NOT NULL DEFAULT '',
  adjustments         TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
  contact_preference  TEXT NOT NULL DEFAULT '',
  account_manager_id  INTEGER REFERENCES staff(id),
  representative      TEXT,                          -- JSON object or NULL
  created_at          INTEGER NOT NULL
);

CREATE TABLE policy_versions (
  version       TEXT PRIMARY KEY,
  text          TEXT NOT NULL,
  installed_at  INTEGER NOT NULL,
  active        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX policy_versions_one_active ON policy_versions(active) WHERE active = 1;

CREATE TABLE reference_counters (
  year  INTEGER PRIMARY KEY,
  last  INTEGER NOT NULL
);

CREATE TABLE cases (
  id              INTEGER PRIMARY KEY,
  reference       TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  channel         TEXT NOT NULL,
  stage           TEXT,
  status          TEXT NOT NULL,
  anonymous       INTEGER NOT NULL,
  customer_id     INTEGER REFERENCES customers(id),
  department_id   INTEGER REFERENCES departments(id),
  assignee_id     INTEGER REFERENCES staff(id),
  subject         TEXT NOT NULL,
  nature          TEXT NOT NULL DEFAULT '',
  service         TEXT NOT NULL DEFAULT '',
  policy_version  TEXT NOT NULL REFERENCES policy_versions(version),
  received_at     INTEGER NOT NULL,
  logged_at       INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  next_due        INTEGER,
  queue_key       INTEGER NOT NULL,  -- next_due, or the largest integer when there is none
  next_standard   TEXT NOT NULL DEFAULT '',
  next_status     TEXT,
  event_count     INTEGER NOT NULL
);
CREATE INDEX cases_queue ON cases(queue_key, id);
CREATE INDEX cases_status_queue ON cases(status, queue_key, id);
CREATE INDEX cases_assignee_queue ON cases(assignee_id, queue_key, id);
CREATE INDEX cases_department_queue ON cases(department_id, queue_key, id);
CREATE INDEX cases_customer ON cases(customer_id, received_at DESC, id DESC);
CREATE INDEX cases_received ON cases(received_at, id);

CREATE TABLE events (
  case_id         INTEGER NOT NULL REFERENCES cases(id),
  seq             INTEGER NOT NULL,
  type            TEXT NOT NULL,
  at              INTEGER NOT NULL,
  actor_id        TEXT NOT NULL DEFAULT '',
  actor_name      TEXT NOT NULL DEFAULT '',
  actor_initials  TEXT NOT NULL DEFAULT '',
  payload         TEXT NOT NULL,   -- JSON
  recorded_at     INTEGER NOT NULL,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: correct with a new event');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: correct with a new event');
END;

CREATE TABLE attachments (
  sha256   TEXT PRIMARY KEY,
  size     INTEGER NOT NULL,
  content  BLOB NOT NULL
);

CREATE TABLE event_attachments (
  case_id       INTEGER NOT NULL,
  event_seq     INTEGER NOT NULL,
  sha256        TEXT NOT NULL REFERENCES attachments(sha256),
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  PRIMARY KEY (case_id, event_seq, sha256, filename),
  FOREIGN KEY (case_id, event_seq) REFERENCES events(case_id, seq)
);

CREATE TABLE suggestions (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER REFERENCES customers(id),
  channel      TEXT NOT NULL,
  text         TEXT NOT NULL,
  received_at  INTEGER NOT NULL,
  status       TEXT NOT NULL,
  response     TEXT NOT NULL DEFAULT '',
  published    INTEGER NOT NULL DEFAULT 0
);

-- Full-text search: subjects, bodies and notes, stemmed (English and Spanish Snowball stems
-- computed by caredesk) before they are indexed. One row per case, its rowid the case id.
CREATE VIRTUAL TABLE case_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2');
