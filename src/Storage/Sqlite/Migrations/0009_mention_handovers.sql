-- Outbox between storing a page and routing its new mentions. SQLite dialect.
-- A page stored with a hand-over writes one row here in its own transaction, listing the ids it inserted (comma-
-- separated); the row is deleted once routing has run. A host that fails in between (a database outage mid-job, a
-- crash) leaves the row, and the recovery job routes those mentions later, so none is left unrouted. attempts counts
-- the recovery's failed tries; the recovery reads the least-tried first, so pages that keep failing cannot hold back
-- the others.
-- AUTOINCREMENT: an id is never handed out twice, so clearing a finished hand-over can never clear a newer one.
CREATE TABLE mention_handovers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    mention_ids TEXT    NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    stored_at   INTEGER NOT NULL
);
