-- Residents' survey comments, masked (feeds.md: e-mail addresses, phone numbers and street addresses never leave the
-- input folder unmasked), with the response's slice and ratings so the dashboard can filter them. One row per
-- response that has a comment, in its latest version. A run replaces the comments submitted on the local dates of its
-- window in the same transaction as its KPI results, so both always come from the same run.
CREATE TABLE survey_comment (
    response_id    VARCHAR(255) NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The local date in the city's time zone, as computed at ingest: windows and periods are cut on it.
    submitted_date DATE         NOT NULL,
    department     VARCHAR(64)  NOT NULL,
    service        VARCHAR(255) NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    district       VARCHAR(128) NOT NULL,
    csat           INTEGER,
    nps            INTEGER,
    ces            INTEGER,
    language       VARCHAR(64),
    -- No length: a comment is as long as the resident wrote it, and a long one must not fail the nightly run.
    comment_text   VARCHAR      NOT NULL,
    publication_id BIGINT       NOT NULL,
    CONSTRAINT survey_comment_pk PRIMARY KEY (response_id)
);
-- The window a run replaces, and the dashboard's "newest first within a period".
CREATE INDEX survey_comment_by_date ON survey_comment (submitted_date, submitted_at);
CREATE INDEX survey_comment_by_department ON survey_comment (department, submitted_date);
