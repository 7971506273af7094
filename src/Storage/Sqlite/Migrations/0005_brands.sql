-- Brands added by admins (the Brands configuration list stays read-only). SQLite dialect.

-- queries holds the per-source lists (handles, keywords, excluded terms, subreddits, languages, feeds) as one JSON
-- document: they are read and written whole, never searched. version grows by one per update (optimistic concurrency).
-- Names key cursors, jobs and stored mentions, so they are unique regardless of case and never change.
CREATE TABLE brands (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT    NOT NULL COLLATE NOCASE,
    queries           TEXT    NOT NULL,
    retention_seconds INTEGER NULL,
    version           INTEGER NOT NULL,
    created_by        TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_by        TEXT    NOT NULL,
    updated_at        INTEGER NOT NULL,
    CONSTRAINT ux_brands_name UNIQUE (name)
);
