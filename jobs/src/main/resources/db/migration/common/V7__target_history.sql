-- kpi_target becomes the audited history of target changes (docs/decisions/0007): every row is one change, never
-- updated or deleted. A change sets a value and weight from its effective date on, or ends the target (ended, no
-- value), and records what it replaced (old_value, old_weight: what was in force on that date before it), who made
-- it, when and why.
ALTER TABLE kpi_target ALTER COLUMN target_value DROP NOT NULL;
ALTER TABLE kpi_target ALTER COLUMN weight DROP NOT NULL;
ALTER TABLE kpi_target ADD COLUMN ended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE kpi_target ADD COLUMN old_value DOUBLE PRECISION;
ALTER TABLE kpi_target ADD COLUMN old_weight DOUBLE PRECISION;
CREATE INDEX kpi_target_by_kpi ON kpi_target (kpi, effective_from);

-- One row once the configured targets have been copied into kpi_target: its primary key makes two processes that
-- start on an empty database at the same time copy them once.
CREATE TABLE kpi_target_seed (
    id        INTEGER NOT NULL PRIMARY KEY,
    seeded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
