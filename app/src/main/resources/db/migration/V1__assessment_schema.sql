-- FR3 Workbench assessment file, schema 1 (docs/assessment-file.md).
-- The application id ('FR3W') and the page size are set when the file is created, before this runs.
-- Times are UTC, ISO-8601 with milliseconds: 2026-11-27T09:15:02.123Z.

CREATE TABLE assessment (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    file_id          TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    product          TEXT    NOT NULL,
    firmware_version TEXT    NOT NULL,
    component_type   TEXT    NOT NULL CHECK (component_type IN ('SAR', 'EDR', 'HDR', 'NDR')),
    target_sl        INTEGER NOT NULL CHECK (target_sl BETWEEN 1 AND 4),
    assessor         TEXT    NOT NULL,
    organization     TEXT    NOT NULL,
    catalog_version  TEXT    NOT NULL,
    start_date       TEXT,
    end_date         TEXT
);

CREATE TABLE target (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    address              TEXT NOT NULL,
    host_key_fingerprint TEXT NOT NULL,
    os_release           TEXT NOT NULL,
    serial_number        TEXT NOT NULL
);

-- Append-only, hash-chained: the canonical encoding is defined in docs/assessment-file.md.
CREATE TABLE journal (
    seq             INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    subject         TEXT NOT NULL,
    details         TEXT NOT NULL,
    evidence_sha256 TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL
);

-- Every verdict ever given; the latest per requirement is the current one.
CREATE TABLE verdict (
    id             INTEGER PRIMARY KEY,
    requirement_id TEXT NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('met', 'not-met', 'not-applicable', 'not-assessed')),
    rationale      TEXT NOT NULL,
    actor          TEXT NOT NULL,
    decided_at     TEXT NOT NULL,
    CHECK (decision <> 'not-applicable' OR length(trim(rationale)) > 0)
);
CREATE INDEX verdict_by_requirement ON verdict (requirement_id, id);

CREATE TABLE step_run (
    id             INTEGER PRIMARY KEY,
    requirement_id TEXT NOT NULL,
    step_id        TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('running', 'finished', 'cancelled', 'interrupted')),
    outcome        TEXT CHECK (outcome IN ('pass', 'fail', 'inconclusive', 'error', 'skipped')),
    reason         TEXT NOT NULL,
    actor          TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    ended_at       TEXT
);
CREATE INDEX step_run_by_requirement ON step_run (requirement_id, id);

CREATE TABLE host_key_pin (
    host        TEXT    NOT NULL,
    port        INTEGER NOT NULL,
    key_type    TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    pinned_at   TEXT    NOT NULL,
    PRIMARY KEY (host, port)
);

-- Evidence metadata; the content is split into evidence_chunk rows (docs/adr/0010-evidence-in-chunked-rows.md).
CREATE TABLE evidence (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('transcript', 'screenshot', 'photo', 'file', 'console-log',
                                                    'structured-result', 'note')),
    requirement_id TEXT    NOT NULL,
    step_run_id    INTEGER REFERENCES step_run (id),
    name           TEXT    NOT NULL,
    media_type     TEXT    NOT NULL,
    caption        TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    captured_at    TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    size           INTEGER NOT NULL CHECK (size >= 0),
    sha256         TEXT    NOT NULL
);
CREATE INDEX evidence_by_requirement ON evidence (requirement_id, id);

CREATE TABLE evidence_chunk (
    id          INTEGER PRIMARY KEY,
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    seq         INTEGER NOT NULL CHECK (seq >= 0),
    data        BLOB    NOT NULL,
    UNIQUE (evidence_id, seq)
);

PRAGMA user_version = 1;
