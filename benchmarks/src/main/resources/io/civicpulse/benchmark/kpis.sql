-- Every KPI of kpis.md over the raw feeds of raw-feeds.sql, as a city analyst would write it in SQL: what the
-- benchmark times against the Spark job, and what the differential test compares it with, row by row.
-- One script for PostgreSQL and DuckDB; the few dialect differences are placeholders filled in by SqlDialect:
--   ${table}          the kind of table for intermediate results (unlogged in PostgreSQL)
--   ${load_order}     a row's position in loading order (an identity column in PostgreSQL, rowid in DuckDB)
--   ${epoch:x}        seconds since 1970 of the instant x, as a double
--   ${byte_order}     the collation that sorts text by its bytes, as the export contract sorts
-- The session's time zone is the city's, so a timestamp without offset is read as local time and an instant
-- cast to DATE is its local date. Configuration comes in as small tables: ${answer_thresholds},
-- ${service_levels}, ${targets}; the run's dates as ${from}, ${to}, ${as_of} (the day after to),
-- ${first_day} and ${last_day} (the first and last day of the widest period covered).

-- ------------------------------------------------------------------------------------------ the KPI catalogue

-- better: 1 higher, -1 lower, 0 neither; survey: small-cell suppression applies in every slice.
CREATE ${table} kpi_catalogue AS
SELECT * FROM (VALUES
    ('CONTACTS', 0, FALSE), ('CHANNEL_SHARE', 0, FALSE), ('DIGITAL_SHARE', 1, FALSE),
    ('WAIT_MEDIAN_SECONDS', -1, FALSE), ('WAIT_P90_SECONDS', -1, FALSE), ('SERVICE_LEVEL', 1, FALSE),
    ('ABANDON_RATE', -1, FALSE),
    ('CASES_OPENED', 0, FALSE), ('CASES_CLOSED', 0, FALSE), ('CLOSE_MEDIAN_HOURS', -1, FALSE),
    ('CLOSE_P90_HOURS', -1, FALSE), ('ON_TIME_RATE', 1, FALSE), ('RESOLUTION_RATE', 1, FALSE),
    ('REOPEN_RATE', -1, FALSE), ('FCR_RATE', 1, FALSE), ('BACKLOG_OPEN', -1, FALSE), ('BACKLOG_OVERDUE', -1, FALSE),
    ('SURVEY_RESPONSES', 0, TRUE), ('CSAT_MEAN', 1, TRUE), ('CSAT_SATISFIED', 1, TRUE), ('NPS', 1, TRUE),
    ('CES_MEAN', 1, TRUE)
) AS v(kpi, better, survey);

-- --------------------------------------------------------------------------------------- periods covered

-- Every period of every grain that contains a local date in [from, to], with the instant its backlog is
-- measured at: the local midnight that starts the next period, or the midnight after `to` if that is earlier.
CREATE ${table} periods AS
WITH run_days AS (
    SELECT CAST(d AS DATE) AS day
    FROM generate_series(CAST(DATE '${from}' AS TIMESTAMP), CAST(DATE '${to}' AS TIMESTAMP), INTERVAL '1 day') AS g(d)
), period_starts AS (
    SELECT 'DAY' AS grain, day AS period_start FROM run_days
    UNION
    SELECT 'WEEK', CAST(DATE_TRUNC('week', CAST(day AS TIMESTAMP)) AS DATE) FROM run_days
    UNION
    SELECT 'MONTH', CAST(DATE_TRUNC('month', CAST(day AS TIMESTAMP)) AS DATE) FROM run_days
    UNION
    SELECT 'QUARTER', CAST(DATE_TRUNC('quarter', CAST(day AS TIMESTAMP)) AS DATE) FROM run_days
), bounded AS (
    SELECT grain, period_start,
           CAST(period_start + CASE grain
               WHEN 'DAY' THEN INTERVAL '1 day'
               WHEN 'WEEK' THEN INTERVAL '7 days'
               WHEN 'MONTH' THEN INTERVAL '1 month'
               ELSE INTERVAL '3 months' END AS DATE) AS next_start
    FROM period_starts
)
SELECT grain, period_start, next_start,
       LEAST(${epoch:CAST(CAST(next_start AS TIMESTAMP) AS TIMESTAMPTZ)},
             ${epoch:CAST(TIMESTAMP '${as_of} 00:00:00' AS TIMESTAMPTZ)}) AS end_s
FROM bounded;

-- Which covered period of each grain a local date falls in: records join it on their date, so a record outside
-- every covered period drops out and every other one is counted once per grain.
CREATE ${table} calendar AS
SELECT p.grain, p.period_start, CAST(g.d AS DATE) AS day
FROM periods p
JOIN generate_series(CAST(DATE '${first_day}' AS TIMESTAMP), CAST(DATE '${last_day}' AS TIMESTAMP),
                     INTERVAL '1 day') AS g(d)
  ON CAST(g.d AS DATE) >= p.period_start AND CAST(g.d AS DATE) < p.next_start;

-- ------------------------------------------------------------------------------- the feeds, latest rows only

CREATE ${table} contacts AS
WITH latest AS (
    SELECT UPPER(TRIM(department)) AS department,
           UPPER(TRIM(channel)) AS channel,
           COALESCE(NULLIF(TRIM(district), ''), 'UNKNOWN') AS district,
           CAST(TRIM(started_at) AS TIMESTAMPTZ) AS started_at,
           wait_seconds,
           COALESCE(LOWER(TRIM(abandoned)) IN ('true', 'y', 'yes', '1'), FALSE) AS abandoned,
           ROW_NUMBER() OVER (PARTITION BY TRIM(contact_id) ORDER BY file_seq DESC, ${load_order} DESC) AS newest_first
    FROM contacts_raw
)
SELECT l.department, l.channel, l.district,
       CAST(l.started_at AS DATE) AS day,
       l.wait_seconds,
       l.abandoned,
       l.wait_seconds IS NOT NULL OR l.abandoned AS queued,
       CASE WHEN l.wait_seconds IS NOT NULL AND NOT l.abandoned THEN CAST(l.wait_seconds AS DOUBLE PRECISION) END
           AS answered_wait,
       t.seconds AS threshold
FROM latest l
LEFT JOIN (${answer_thresholds}) t ON t.channel = l.channel
WHERE l.newest_first = 1;

-- Due time: due_at when given, else opened_at plus the configured close-within of the (department, service),
-- counted in exact elapsed seconds (P5D is 120 hours, also across a daylight-saving change).
CREATE ${table} cases AS
WITH latest AS (
    SELECT UPPER(TRIM(department)) AS department,
           TRIM(service) AS service,
           UPPER(TRIM(channel)) AS channel,
           COALESCE(NULLIF(TRIM(district), ''), 'UNKNOWN') AS district,
           CAST(TRIM(opened_at) AS TIMESTAMPTZ) AS opened_at,
           CAST(NULLIF(TRIM(closed_at), '') AS TIMESTAMPTZ) AS closed_at,
           CAST(NULLIF(TRIM(due_at), '') AS TIMESTAMPTZ) AS due_at,
           UPPER(NULLIF(TRIM(outcome), '')) AS outcome,
           COALESCE(reopened_count, 0) AS reopened_count,
           CASE WHEN LOWER(TRIM(first_contact_resolution)) IN ('true', 'y', 'yes', '1') THEN TRUE
                WHEN LOWER(TRIM(first_contact_resolution)) IN ('false', 'n', 'no', '0') THEN FALSE END AS fcr,
           ROW_NUMBER() OVER (PARTITION BY TRIM(case_id) ORDER BY file_seq DESC, ${load_order} DESC) AS newest_first
    FROM cases_raw
)
SELECT l.department, l.service, l.channel, l.district,
       CAST(l.opened_at AS DATE) AS opened_day,
       CAST(l.closed_at AS DATE) AS closed_day,
       ${epoch:l.opened_at} AS opened_s,
       ${epoch:l.closed_at} AS closed_s,
       COALESCE(${epoch:l.due_at}, ${epoch:l.opened_at} + s.seconds) AS due_s,
       -- a closed case without outcome is RESOLVED; CANCELLED and DUPLICATE stay out of the closure KPIs
       CASE WHEN l.closed_at IS NOT NULL THEN COALESCE(l.outcome, 'RESOLVED') END AS outcome,
       l.closed_at IS NOT NULL AND COALESCE(l.outcome, 'RESOLVED') NOT IN ('CANCELLED', 'DUPLICATE') AS counted,
       l.reopened_count,
       l.fcr
FROM latest l
LEFT JOIN (${service_levels}) s ON s.department = l.department AND s.service = l.service
WHERE l.newest_first = 1;

CREATE ${table} surveys AS
WITH latest AS (
    SELECT UPPER(TRIM(department)) AS department,
           COALESCE(NULLIF(TRIM(service), ''), 'UNKNOWN') AS service,
           UPPER(TRIM(channel)) AS channel,
           COALESCE(NULLIF(TRIM(district), ''), 'UNKNOWN') AS district,
           CAST(TRIM(submitted_at) AS TIMESTAMPTZ) AS submitted_at,
           csat, nps, ces,
           ROW_NUMBER() OVER (PARTITION BY TRIM(response_id) ORDER BY file_seq DESC, ${load_order} DESC) AS newest_first
    FROM surveys_raw
)
SELECT department, service, channel, district, CAST(submitted_at AS DATE) AS day, csat, nps, ces
FROM latest
WHERE newest_first = 1;

-- ---------------------------------------------------------------------- one aggregate per feed view and cell

-- The seven slices of kpis.md are grouping sets; a totalled dimension is '*'. Contacts have no service.
CREATE ${table} contact_cells AS
SELECT k.grain, k.period_start,
       CASE WHEN GROUPING(c.department) = 1 THEN '*' ELSE c.department END AS department,
       '*' AS service,
       CASE WHEN GROUPING(c.channel) = 1 THEN '*' ELSE c.channel END AS channel,
       CASE WHEN GROUPING(c.district) = 1 THEN '*' ELSE c.district END AS district,
       COUNT(*) AS contacts,
       COUNT(*) FILTER (WHERE c.channel IN ('WEB', 'MOBILE_APP', 'EMAIL', 'CHAT', 'SOCIAL')) AS digital,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.answered_wait) AS wait_median,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY c.answered_wait) AS wait_p90,
       COUNT(c.answered_wait) AS answered,
       COUNT(*) FILTER (WHERE c.queued AND c.threshold IS NOT NULL) AS sl_queued,
       COUNT(*) FILTER (WHERE c.queued AND c.threshold IS NOT NULL AND NOT c.abandoned
                        AND c.wait_seconds <= c.threshold) AS sl_met,
       COUNT(*) FILTER (WHERE c.queued) AS queued,
       COUNT(*) FILTER (WHERE c.queued AND c.abandoned) AS abandons
FROM contacts c
JOIN calendar k ON k.day = c.day
GROUP BY k.grain, k.period_start, GROUPING SETS ((), (c.department), (c.channel), (c.department, c.channel),
    (c.district), (c.department, c.district));

CREATE ${table} opened_cells AS
SELECT k.grain, k.period_start,
       CASE WHEN GROUPING(c.department) = 1 THEN '*' ELSE c.department END AS department,
       CASE WHEN GROUPING(c.service) = 1 THEN '*' ELSE c.service END AS service,
       CASE WHEN GROUPING(c.channel) = 1 THEN '*' ELSE c.channel END AS channel,
       CASE WHEN GROUPING(c.district) = 1 THEN '*' ELSE c.district END AS district,
       COUNT(*) AS opened,
       COUNT(c.fcr) AS fcr_known,
       COUNT(*) FILTER (WHERE c.fcr) AS fcr_yes
FROM cases c
JOIN calendar k ON k.day = c.opened_day
GROUP BY k.grain, k.period_start, GROUPING SETS ((), (c.department), (c.department, c.service), (c.channel),
    (c.department, c.channel), (c.district), (c.department, c.district));

CREATE ${table} closed_cells AS
SELECT k.grain, k.period_start,
       CASE WHEN GROUPING(c.department) = 1 THEN '*' ELSE c.department END AS department,
       CASE WHEN GROUPING(c.service) = 1 THEN '*' ELSE c.service END AS service,
       CASE WHEN GROUPING(c.channel) = 1 THEN '*' ELSE c.channel END AS channel,
       CASE WHEN GROUPING(c.district) = 1 THEN '*' ELSE c.district END AS district,
       COUNT(*) AS closed,
       COUNT(*) FILTER (WHERE c.counted) AS counted,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.counted_hours) AS hours_median,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY c.counted_hours) AS hours_p90,
       COUNT(*) FILTER (WHERE c.counted AND c.due_s IS NOT NULL) AS with_due,
       COUNT(*) FILTER (WHERE c.counted AND c.closed_s <= c.due_s) AS on_time,
       COUNT(*) FILTER (WHERE c.counted AND c.outcome = 'RESOLVED') AS resolved,
       COUNT(*) FILTER (WHERE c.counted AND c.reopened_count > 0) AS reopened
FROM (
    SELECT cases.*,
           CASE WHEN counted THEN (closed_s - opened_s) / CAST(3600 AS DOUBLE PRECISION) END AS counted_hours
    FROM cases
    WHERE closed_day IS NOT NULL
) c
JOIN calendar k ON k.day = c.closed_day
GROUP BY k.grain, k.period_start, GROUPING SETS ((), (c.department), (c.department, c.service), (c.channel),
    (c.department, c.channel), (c.district), (c.department, c.district));

-- Open at a period's end: opened before it and not closed before it.
CREATE ${table} backlog_cells AS
SELECT p.grain, p.period_start,
       CASE WHEN GROUPING(c.department) = 1 THEN '*' ELSE c.department END AS department,
       CASE WHEN GROUPING(c.service) = 1 THEN '*' ELSE c.service END AS service,
       CASE WHEN GROUPING(c.channel) = 1 THEN '*' ELSE c.channel END AS channel,
       CASE WHEN GROUPING(c.district) = 1 THEN '*' ELSE c.district END AS district,
       COUNT(*) AS open_cases,
       COUNT(*) FILTER (WHERE c.due_s < p.end_s) AS overdue
FROM cases c
JOIN periods p ON c.opened_s < p.end_s AND (c.closed_s IS NULL OR c.closed_s >= p.end_s)
GROUP BY p.grain, p.period_start, GROUPING SETS ((), (c.department), (c.department, c.service), (c.channel),
    (c.department, c.channel), (c.district), (c.department, c.district));

CREATE ${table} survey_cells AS
SELECT k.grain, k.period_start,
       CASE WHEN GROUPING(s.department) = 1 THEN '*' ELSE s.department END AS department,
       CASE WHEN GROUPING(s.service) = 1 THEN '*' ELSE s.service END AS service,
       CASE WHEN GROUPING(s.channel) = 1 THEN '*' ELSE s.channel END AS channel,
       CASE WHEN GROUPING(s.district) = 1 THEN '*' ELSE s.district END AS district,
       COUNT(*) AS responses,
       AVG(CAST(s.csat AS DOUBLE PRECISION)) AS csat_mean,
       COUNT(s.csat) AS csat_known,
       COUNT(*) FILTER (WHERE s.csat >= 4) AS satisfied,
       COUNT(s.nps) AS nps_known,
       COUNT(*) FILTER (WHERE s.nps >= 9) AS promoters,
       COUNT(*) FILTER (WHERE s.nps <= 6) AS detractors,
       AVG(CAST(s.ces AS DOUBLE PRECISION)) AS ces_mean,
       COUNT(s.ces) AS ces_known
FROM surveys s
JOIN calendar k ON k.day = s.day
GROUP BY k.grain, k.period_start, GROUPING SETS ((), (s.department), (s.department, s.service), (s.channel),
    (s.department, s.channel), (s.district), (s.department, s.district));

-- ------------------------------------------------------------------------------------- one row per KPI

-- A row exists when the set it is computed from is not empty: sample_size > 0.
CREATE ${table} measured AS
SELECT * FROM (
    SELECT 'CONTACTS' AS kpi, grain, period_start, department, service, channel, district,
           CAST(contacts AS DOUBLE PRECISION) AS value, CAST(NULL AS BIGINT) AS numerator,
           CAST(NULL AS BIGINT) AS denominator, contacts AS sample_size
    FROM contact_cells
    UNION ALL
    -- the denominator is the same slice with channel '*'
    SELECT 'CHANNEL_SHARE', grain, period_start, department, service, channel, district,
           contacts / CAST(NULLIF(channel_total, 0) AS DOUBLE PRECISION), contacts, channel_total, channel_total
    FROM (
        SELECT contact_cells.*,
               MAX(CASE WHEN channel = '*' THEN contacts END)
                   OVER (PARTITION BY grain, period_start, department, service, district) AS channel_total
        FROM contact_cells
    ) with_total
    WHERE channel <> '*'
    UNION ALL
    SELECT 'DIGITAL_SHARE', grain, period_start, department, service, channel, district,
           digital / CAST(NULLIF(contacts, 0) AS DOUBLE PRECISION), digital, contacts, contacts
    FROM contact_cells WHERE channel = '*'
    UNION ALL
    SELECT 'WAIT_MEDIAN_SECONDS', grain, period_start, department, service, channel, district,
           wait_median, NULL, NULL, answered
    FROM contact_cells
    UNION ALL
    SELECT 'WAIT_P90_SECONDS', grain, period_start, department, service, channel, district,
           wait_p90, NULL, NULL, answered
    FROM contact_cells
    UNION ALL
    SELECT 'SERVICE_LEVEL', grain, period_start, department, service, channel, district,
           sl_met / CAST(NULLIF(sl_queued, 0) AS DOUBLE PRECISION), sl_met, sl_queued, sl_queued
    FROM contact_cells
    UNION ALL
    SELECT 'ABANDON_RATE', grain, period_start, department, service, channel, district,
           abandons / CAST(NULLIF(queued, 0) AS DOUBLE PRECISION), abandons, queued, queued
    FROM contact_cells
    UNION ALL
    SELECT 'CASES_OPENED', grain, period_start, department, service, channel, district,
           CAST(opened AS DOUBLE PRECISION), NULL, NULL, opened
    FROM opened_cells
    UNION ALL
    SELECT 'FCR_RATE', grain, period_start, department, service, channel, district,
           fcr_yes / CAST(NULLIF(fcr_known, 0) AS DOUBLE PRECISION), fcr_yes, fcr_known, fcr_known
    FROM opened_cells
    UNION ALL
    SELECT 'CASES_CLOSED', grain, period_start, department, service, channel, district,
           CAST(closed AS DOUBLE PRECISION), NULL, NULL, closed
    FROM closed_cells
    UNION ALL
    SELECT 'CLOSE_MEDIAN_HOURS', grain, period_start, department, service, channel, district,
           hours_median, NULL, NULL, counted
    FROM closed_cells
    UNION ALL
    SELECT 'CLOSE_P90_HOURS', grain, period_start, department, service, channel, district,
           hours_p90, NULL, NULL, counted
    FROM closed_cells
    UNION ALL
    SELECT 'ON_TIME_RATE', grain, period_start, department, service, channel, district,
           on_time / CAST(NULLIF(with_due, 0) AS DOUBLE PRECISION), on_time, with_due, with_due
    FROM closed_cells
    UNION ALL
    SELECT 'RESOLUTION_RATE', grain, period_start, department, service, channel, district,
           resolved / CAST(NULLIF(counted, 0) AS DOUBLE PRECISION), resolved, counted, counted
    FROM closed_cells
    UNION ALL
    SELECT 'REOPEN_RATE', grain, period_start, department, service, channel, district,
           reopened / CAST(NULLIF(counted, 0) AS DOUBLE PRECISION), reopened, counted, counted
    FROM closed_cells
    UNION ALL
    SELECT 'BACKLOG_OPEN', grain, period_start, department, service, channel, district,
           CAST(open_cases AS DOUBLE PRECISION), NULL, NULL, open_cases
    FROM backlog_cells
    UNION ALL
    SELECT 'BACKLOG_OVERDUE', grain, period_start, department, service, channel, district,
           CAST(overdue AS DOUBLE PRECISION), NULL, NULL, open_cases
    FROM backlog_cells
    UNION ALL
    SELECT 'SURVEY_RESPONSES', grain, period_start, department, service, channel, district,
           CAST(responses AS DOUBLE PRECISION), NULL, NULL, responses
    FROM survey_cells
    UNION ALL
    SELECT 'CSAT_MEAN', grain, period_start, department, service, channel, district,
           csat_mean, NULL, NULL, csat_known
    FROM survey_cells
    UNION ALL
    SELECT 'CSAT_SATISFIED', grain, period_start, department, service, channel, district,
           satisfied / CAST(NULLIF(csat_known, 0) AS DOUBLE PRECISION), satisfied, csat_known, csat_known
    FROM survey_cells
    UNION ALL
    SELECT 'NPS', grain, period_start, department, service, channel, district,
           100 * CAST(promoters - detractors AS DOUBLE PRECISION) / NULLIF(nps_known, 0), NULL, NULL, nps_known
    FROM survey_cells
    UNION ALL
    SELECT 'CES_MEAN', grain, period_start, department, service, channel, district,
           ces_mean, NULL, NULL, ces_known
    FROM survey_cells
) kpi_rows
WHERE sample_size > 0;

-- ------------------------------------------------------------------------ targets, scores and suppression

-- Of the matching targets the most specific applies: department+channel, department, channel, the KPI alone.
-- ${targets} holds one target per (kpi, department, channel), and only for KPIs that have a better direction.
CREATE ${table} scored AS
SELECT m.kpi, m.grain, m.period_start, m.department, m.service, m.channel, m.district,
       m.value, m.numerator, m.denominator, m.sample_size, k.better,
       COALESCE(t_dc.value, t_d.value, t_c.value, t_k.value) AS target,
       COALESCE(t_dc.weight, t_d.weight, t_c.weight, t_k.weight) AS weight,
       ${min_cell_size} > 0 AND m.sample_size < ${min_cell_size} AND (k.survey OR m.district <> '*') AS suppressed
FROM measured m
JOIN kpi_catalogue k ON k.kpi = m.kpi
LEFT JOIN (${targets}) t_dc ON t_dc.kpi = m.kpi AND t_dc.department = m.department AND t_dc.channel = m.channel
LEFT JOIN (${targets}) t_d ON t_d.kpi = m.kpi AND t_d.department = m.department AND t_d.channel IS NULL
LEFT JOIN (${targets}) t_c ON t_c.kpi = m.kpi AND t_c.department IS NULL AND t_c.channel = m.channel
LEFT JOIN (${targets}) t_k ON t_k.kpi = m.kpi AND t_k.department IS NULL AND t_k.channel IS NULL;

-- A suppressed row keeps its key, target and sample size; everything derived from the value is empty.
CREATE ${table} published AS
SELECT kpi, grain, period_start, department, service, channel, district,
       CASE WHEN NOT suppressed THEN value END AS value,
       CASE WHEN NOT suppressed THEN numerator END AS numerator,
       CASE WHEN NOT suppressed THEN denominator END AS denominator,
       sample_size, target, weight,
       CASE WHEN NOT suppressed AND target IS NOT NULL THEN
           CASE WHEN better > 0 THEN value >= target ELSE value <= target END END AS meets_target,
       CASE WHEN NOT suppressed AND target > 0 THEN
           LEAST(GREATEST(CASE WHEN better > 0 THEN value / target
                               WHEN value = 0 THEN CAST(1.25 AS DOUBLE PRECISION)
                               ELSE target / value END,
                          CAST(0 AS DOUBLE PRECISION)),
                 CAST(1.25 AS DOUBLE PRECISION)) END AS score,
       suppressed
FROM scored;

-- The export: every KPI row plus EXPERIENCE_SCORE, the weighted mean of a cell's unsuppressed scores, sorted
-- as the export contract sorts (the seven key columns as strings, byte order).
SELECT kpi, grain, period_start, department, service, channel, district, value, numerator, denominator,
       sample_size, target, meets_target, score, suppressed
FROM (
    SELECT kpi, grain, period_start, department, service, channel, district, value, numerator, denominator,
           sample_size, target, meets_target, score, suppressed
    FROM published
    UNION ALL
    SELECT 'EXPERIENCE_SCORE', grain, period_start, department, service, channel, district,
           SUM(score * weight) / SUM(weight), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), COUNT(*),
           CAST(1 AS DOUBLE PRECISION), SUM(score * weight) / SUM(weight) >= 1, CAST(NULL AS DOUBLE PRECISION),
           FALSE
    FROM published
    WHERE score IS NOT NULL AND NOT suppressed
    GROUP BY grain, period_start, department, service, channel, district
) export_rows
ORDER BY kpi${byte_order}, grain${byte_order}, period_start, department${byte_order}, service${byte_order},
         channel${byte_order}, district${byte_order};
