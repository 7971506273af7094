-- Author history (customer history, follow-ups to resolved alerts, erasure by author) looks mentions up by author, but
-- ix_mentions_author was keyed by author id, which arrives in random order: each stored mention dirtied its own leaf of
-- that index, and an ingest page of a hundred mentions wrote about ninety extra pages to the WAL. Measured with the
-- ingest benchmark, that index was about 45% of the ingest time on SQLite.
--
-- The author keys now live in three small WITHOUT ROWID tables, each ordered by (author_id, source, created_at, id):
--   mention_authors_0  new keys, filled by a trigger in the page's transaction; kept to a few thousand rows, so a page's
--                      inserts fall on a handful of leaves;
--   mention_authors_1  level 0 merged in sorted order when it fills (many keys per leaf), kept to tens of thousands;
--   mention_authors_2  everything older, merged from level 1 in sorted order.
-- The store runs the merges inside the page transaction that fills a level (SqliteAuthorIndex), so every mention's key
-- is in exactly one level at every commit. Lookups read the three levels; deletes and redactions are kept in step by
-- triggers, so no author id outlives its mention.
CREATE TABLE mention_authors_0 (
    author_id  TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    mention_id INTEGER NOT NULL,
    PRIMARY KEY (author_id, source, created_at, mention_id)
) WITHOUT ROWID;

CREATE TABLE mention_authors_1 (
    author_id  TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    mention_id INTEGER NOT NULL,
    PRIMARY KEY (author_id, source, created_at, mention_id)
) WITHOUT ROWID;

CREATE TABLE mention_authors_2 (
    author_id  TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    mention_id INTEGER NOT NULL,
    PRIMARY KEY (author_id, source, created_at, mention_id)
) WITHOUT ROWID;

-- Redacted mentions have an empty author id and no key.
INSERT INTO mention_authors_2 (author_id, source, created_at, mention_id)
SELECT author_id, source, created_at, id FROM mentions WHERE author_id <> '' ORDER BY author_id, source, created_at, id;

DROP INDEX ix_mentions_author;

CREATE TRIGGER tr_mentions_author_insert AFTER INSERT ON mentions WHEN new.author_id <> ''
BEGIN
    INSERT INTO mention_authors_0 (author_id, source, created_at, mention_id) VALUES (new.author_id, new.source, new.created_at, new.id);
END;

CREATE TRIGGER tr_mentions_author_delete AFTER DELETE ON mentions
BEGIN
    DELETE FROM mention_authors_0 WHERE author_id = old.author_id AND source = old.source AND created_at = old.created_at AND mention_id = old.id;
    DELETE FROM mention_authors_1 WHERE author_id = old.author_id AND source = old.source AND created_at = old.created_at AND mention_id = old.id;
    DELETE FROM mention_authors_2 WHERE author_id = old.author_id AND source = old.source AND created_at = old.created_at AND mention_id = old.id;
END;

CREATE TRIGGER tr_mentions_author_update AFTER UPDATE OF author_id, source, created_at ON mentions
WHEN old.author_id IS NOT new.author_id OR old.source IS NOT new.source OR old.created_at IS NOT new.created_at
BEGIN
    DELETE FROM mention_authors_0 WHERE author_id = old.author_id AND source = old.source AND created_at = old.created_at AND mention_id = old.id;
    DELETE FROM mention_authors_1 WHERE author_id = old.author_id AND source = old.source AND created_at = old.created_at AND mention_id = old.id;
    DELETE FROM mention_authors_2 WHERE author_id = old.author_id AND source = old.source AND created_at = old.created_at AND mention_id = old.id;
    INSERT INTO mention_authors_0 (author_id, source, created_at, mention_id)
    SELECT new.author_id, new.source, new.created_at, new.id WHERE new.author_id <> '';
END;
