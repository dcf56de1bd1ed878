-- FR3 Workbench assessment file, schema 2 (docs/assessment-file.md): the assessor's procedure parameters.
-- One row per parameter the assessor set (the latest value); every change is journalled (parameter.set,
-- parameter.clear). Values are never secrets: names with 'password' or 'passphrase' are refused by the store.

CREATE TABLE parameter (
    name   TEXT NOT NULL PRIMARY KEY,
    value  TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);

PRAGMA user_version = 2;
