-- The canonical feeds of feeds.md as loaded, one table per feed, before any rule is applied. Text stays text
-- (trimmed, upper-cased and typed by kpis.sql); only the integer columns are typed on load. file_seq is the
-- position of the file in name order and ${load_order} the row's position in loading order, which together
-- say which row of an id is the latest (feeds.md: a later row, in the same or a later file, replaces it).

CREATE ${table} contacts_raw (
    ${load_order_column}
    file_seq INTEGER NOT NULL,
    contact_id TEXT,
    department TEXT,
    channel TEXT,
    started_at TEXT,
    wait_seconds BIGINT,
    handle_seconds BIGINT,
    abandoned TEXT,
    district TEXT,
    case_id TEXT
);

CREATE ${table} cases_raw (
    ${load_order_column}
    file_seq INTEGER NOT NULL,
    case_id TEXT,
    department TEXT,
    service TEXT,
    channel TEXT,
    district TEXT,
    opened_at TEXT,
    closed_at TEXT,
    due_at TEXT,
    status TEXT,
    outcome TEXT,
    reopened_count INTEGER,
    first_contact_resolution TEXT
);

CREATE ${table} surveys_raw (
    ${load_order_column}
    file_seq INTEGER NOT NULL,
    response_id TEXT,
    department TEXT,
    channel TEXT,
    submitted_at TEXT,
    service TEXT,
    district TEXT,
    case_id TEXT,
    csat INTEGER,
    nps INTEGER,
    ces INTEGER,
    comment TEXT,
    language TEXT
);
