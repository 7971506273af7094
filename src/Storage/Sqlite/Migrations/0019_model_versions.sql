-- Model versions shared by every host: each version's files (ML.NET zips, metrics.json, MODEL_CARD.md, calibration.json,
-- manifest.json) as one zip archive, with its metrics beside it for listing. replaced is the version that was promoted
-- when this one was last promoted, so a rollback that goes back to this version knows where the next rollback goes.
-- promoted_model holds exactly one row (id = 1): the version every host serves and the one it replaced. Hosts poll
-- that row and load a version they do not run yet into a local cache. SQLite dialect.
CREATE TABLE model_versions (
    version      TEXT    NOT NULL PRIMARY KEY,
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    metrics_json TEXT    NULL,
    archive      BLOB    NOT NULL,
    replaced     TEXT    NULL
);

CREATE TABLE promoted_model (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version     TEXT    NOT NULL REFERENCES model_versions (version),
    previous    TEXT    NULL REFERENCES model_versions (version),
    promoted_at INTEGER NOT NULL,
    promoted_by TEXT    NOT NULL
);
