-- caredesk schema 3 (SQLite): correspondence. The outbox holds every message caredesk sends
-- (written in the transaction of the event that causes it, then delivered by the sender), the
-- timers hold every point at which the scheduler acts on a case, and inbound_mail remembers each
-- email filed, so that a message delivered twice is filed once.

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER REFERENCES cases(id),
  customer_id      INTEGER REFERENCES customers(id),
  staff_id         INTEGER REFERENCES staff(id),
  kind             TEXT NOT NULL,
  delivery         TEXT NOT NULL,            -- email | letter | call
  recipient        TEXT NOT NULL,
  cc               TEXT NOT NULL DEFAULT '', -- addresses separated by newlines
  language         TEXT NOT NULL,
  subject          TEXT NOT NULL,
  text             TEXT NOT NULL,
  html             TEXT NOT NULL DEFAULT '',
  message_id       TEXT NOT NULL UNIQUE,
  in_reply_to      TEXT NOT NULL DEFAULT '',
  large_print      INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL DEFAULT 'pending',
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  claimed_until    INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT NOT NULL DEFAULT '',
  created_at       INTEGER NOT NULL,
  sent_at          INTEGER
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE status = 'pending' AND delivery = 'email';
CREATE INDEX outbox_case ON outbox(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX outbox_customer ON outbox(customer_id, kind, created_at) WHERE customer_id IS NOT NULL;
CREATE INDEX outbox_status ON outbox(status, id);

CREATE TABLE timers (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases(id),
  action         TEXT NOT NULL,
  key            TEXT NOT NULL,
  fire_at        INTEGER NOT NULL,
  fired_at       INTEGER,
  claimed_until  INTEGER NOT NULL DEFAULT 0,
  UNIQUE (case_id, key)
);
CREATE INDEX timers_due ON timers(fire_at) WHERE fired_at IS NULL;

-- Every email filed: onto a case (case_id), or, for a machine's message that belongs to no case
-- (an auto-reply, a bounce, list traffic), only recorded here with its raw bytes; never answered.
CREATE TABLE inbound_mail (
  message_id  TEXT PRIMARY KEY,
  case_id     INTEGER REFERENCES cases(id),
  sender      TEXT NOT NULL DEFAULT '',
  subject     TEXT NOT NULL DEFAULT '',
  automated   TEXT NOT NULL DEFAULT '',
  raw_sha256  TEXT REFERENCES attachments(sha256),
  filed_at    INTEGER NOT NULL
);
CREATE INDEX inbound_mail_unfiled ON inbound_mail(filed_at) WHERE case_id IS NULL;

-- The message templates an admin has edited; a kind and language not here uses the template
-- shipped with caredesk.
CREATE TABLE message_templates (
  kind        TEXT NOT NULL,
  language    TEXT NOT NULL,
  subject     TEXT NOT NULL,
  text        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,
  updated_by  INTEGER REFERENCES staff(id),
  PRIMARY KEY (kind, language)
);

-- When the suggester was told what became of their suggestion (adopted or not); NULL: not yet.
ALTER TABLE suggestions ADD COLUMN outcome_told_at INTEGER;
