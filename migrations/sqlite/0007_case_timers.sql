-- caredesk schema 7: a case's timers in one row (store/common/timer_plan.h): each timer a line
-- "number action key fire_at [fired_at]" separated by tabs, and fire_at the instant the
-- earliest unfired one falls due (NULL when every one has fired). A timer's id is
-- case_id * 2^20 + its number. Seven rows a case in a table and two indexes cost the writer
-- about a sixth of a new case.
CREATE TABLE case_timers (
  case_id        INTEGER PRIMARY KEY REFERENCES cases(id),
  last_number    INTEGER NOT NULL,
  timers         TEXT NOT NULL,
  fire_at        INTEGER,
  claimed_until  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_timers_due ON case_timers(fire_at);

INSERT INTO case_timers (case_id, last_number, timers, fire_at)
SELECT case_id, COUNT(*),
       group_concat(number || char(9) || action || char(9) || key || char(9) || fire_at ||
                    COALESCE(char(9) || fired_at, ''), char(10)),
       MIN(CASE WHEN fired_at IS NULL THEN fire_at END)
FROM (SELECT case_id, action, key, fire_at, fired_at,
             row_number() OVER (PARTITION BY case_id ORDER BY id) AS number
      FROM timers ORDER BY case_id, id)
GROUP BY case_id;

DROP TABLE timers;
