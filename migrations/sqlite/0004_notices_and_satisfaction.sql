-- caredesk schema 4 (SQLite): service notices and the portal's standing satisfaction survey.
-- A service notice announces a problem that affects the service; the portal shows it from
-- starts_at until ends_at (NULL: until staff end it). Satisfaction responses are the portal's
-- "How did we do?", tied to no case.

CREATE TABLE service_notices (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  text        TEXT NOT NULL,
  service     TEXT NOT NULL DEFAULT '',  -- empty: every service
  starts_at   INTEGER NOT NULL,
  ends_at     INTEGER,
  created_by  INTEGER REFERENCES staff(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX service_notices_in_force ON service_notices(starts_at, ends_at);

CREATE TABLE satisfaction_responses (
  id           INTEGER PRIMARY KEY,
  rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment      TEXT NOT NULL DEFAULT '',
  language     TEXT NOT NULL DEFAULT '',
  customer_id  INTEGER REFERENCES customers(id),
  received_at  INTEGER NOT NULL
);
CREATE INDEX satisfaction_comments ON satisfaction_responses(id) WHERE comment <> '';

-- The customers a service notice concerns are found by their open cases in the service.
CREATE INDEX cases_service_status ON cases(service, status);
