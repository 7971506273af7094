-- Model versions shared by every host: each version's files (ML.NET zips, metrics.json, MODEL_CARD.md, calibration.json,
-- manifest.json) as one zip archive, with its metrics beside it for listing. replaced is the version that was promoted
-- when this one was last promoted, so a rollback that goes back to this version knows where the next rollback goes.
-- promoted_model holds exactly one row (id = 1): the version every host serves and the one it replaced. Hosts poll
-- that row and load a version they do not run yet into a local cache. PostgreSQL dialect.
CREATE TABLE model_versions (
    version      text        NOT NULL PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    metrics_json text        NULL,
    archive      bytea       NOT NULL,
    replaced     text        NULL
);

CREATE TABLE promoted_model (
    id          integer     NOT NULL PRIMARY KEY CHECK (id = 1),
    version     text        NOT NULL REFERENCES model_versions (version),
    previous    text        NULL REFERENCES model_versions (version),
    promoted_at timestamptz NOT NULL,
    promoted_by text        NOT NULL
);
