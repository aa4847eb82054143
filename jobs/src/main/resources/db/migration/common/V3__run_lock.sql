-- ShedLock's table: one row per lock. The nightly run holds the lock "nightly-run" while it runs, in every
-- process that shares this database, and keeps extending it; a crashed process's lock expires by itself.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
