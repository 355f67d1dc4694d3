-- caredesk schema 5 (PostgreSQL): what reports count about each case (core/case_figures.h),
-- rewritten with every write to the case, so that a report over a year reads one row per case.
-- Derived data: a case without a row, or with an older `format`, is recomputed from its events
-- (`caredesk migrate`, `caredesk report`).

CREATE TABLE case_figures (
  case_id         BIGINT PRIMARY KEY REFERENCES cases(id),
  received_at     BIGINT NOT NULL,
  format          INTEGER NOT NULL,
  policy_version  TEXT NOT NULL,
  month           INTEGER NOT NULL,  -- YYYYMM of receipt in the policy's time zone
  kind            TEXT NOT NULL,
  channel         TEXT NOT NULL,
  department_id   BIGINT,
  service         TEXT NOT NULL,
  nature          TEXT NOT NULL,
  stage           TEXT,
  status          TEXT NOT NULL,
  details         TEXT NOT NULL      -- the rest, encoded by core/case_figures_codec.h
);
CREATE INDEX case_figures_received ON case_figures(received_at, case_id);

CREATE INDEX suggestions_received ON suggestions(received_at);

-- Recommendations for the annual audit report, written by managers during the year, each with
-- the figures (JSON array of text) and case references (JSON array) that support it.
CREATE TABLE recommendations (
  id           BIGSERIAL PRIMARY KEY,
  year         INTEGER NOT NULL,
  text         TEXT NOT NULL,
  figures      TEXT NOT NULL DEFAULT '[]',
  cases        TEXT NOT NULL DEFAULT '[]',
  author_id    BIGINT REFERENCES staff(id),
  author_name  TEXT NOT NULL,
  written_at   BIGINT NOT NULL
);
CREATE INDEX recommendations_year ON recommendations(year, id);
