-- caredesk schema 6: whether every case has report figures of the current format
-- (core/case_figures_codec.h). Set once caredesk has given every case its figures (in the same
-- transaction as the check that none is missing); cleared by an import of cases without figures.
-- Spares every report the search through all cases for ones without figures.
CREATE TABLE figures_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  complete_format  INTEGER
);
INSERT INTO figures_state (id, complete_format) VALUES (1, NULL);
