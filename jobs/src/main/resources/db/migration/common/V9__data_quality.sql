-- Data-quality rules per department (and the city, '*') and period, published with the KPI results they distort:
-- a run replaces whole (grain, period_start) partitions in the same transaction as kpi_result.
CREATE TABLE data_quality (
    grain          VARCHAR(10) NOT NULL,
    period_start   DATE        NOT NULL,
    department     VARCHAR(64) NOT NULL,
    rule           VARCHAR(40) NOT NULL,
    flagged        BIGINT      NOT NULL,
    cases          BIGINT      NOT NULL,
    publication_id BIGINT      NOT NULL,
    CONSTRAINT data_quality_pk PRIMARY KEY (grain, period_start, department, rule)
);
