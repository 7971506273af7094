-- A post that names two brands is stored once per brand: the dedupe key becomes (source, external_id, brand), so each
-- brand's queue, counts, spikes, digests, routing and retention see its own copy. SQLite dialect.
--
-- 0001 declared the old key as a table constraint, whose automatic index SQLite cannot drop, so the table is rebuilt
-- the way SQLite documents (create, copy, drop, rename). The migrations connect with foreign keys off (see
-- SqliteStorageMaintenanceSql): with them on, dropping the old table would first delete every row, cascading to the
-- snapshots and watch entries and clearing the alerts' mention ids. Ids are copied as they are, so every row that
-- refers to a mention (snapshots, watch entries, alerts, hand-overs, the author levels of 0008) still finds it.
-- The key is a unique index rather than a constraint, so a later change can drop it without another rebuild.
CREATE TABLE mentions_keyed_by_brand (
    id                  INTEGER PRIMARY KEY,
    source              TEXT    NOT NULL,
    external_id         TEXT    NOT NULL,
    brand               TEXT    NOT NULL,
    text                TEXT    NOT NULL,
    author_id           TEXT    NOT NULL,
    author_handle       TEXT    NOT NULL,
    author_display_name TEXT    NULL,
    author_followers    INTEGER NOT NULL DEFAULT 0,
    author_verified     INTEGER NOT NULL DEFAULT 0,
    likes               INTEGER NOT NULL DEFAULT 0,
    reposts             INTEGER NOT NULL DEFAULT 0,
    replies             INTEGER NOT NULL DEFAULT 0,
    quotes              INTEGER NOT NULL DEFAULT 0,
    url                 TEXT    NULL,
    lang                TEXT    NULL,
    conversation_id     TEXT    NULL,
    created_at          INTEGER NOT NULL,
    ingested_at         INTEGER NOT NULL,
    redacted            INTEGER NOT NULL DEFAULT 0,
    sentiment           TEXT    NULL,
    p_negative          REAL    NULL,
    p_neutral           REAL    NULL,
    p_positive          REAL    NULL,
    complaint           REAL    NULL,
    escalation_score    REAL    NULL,
    escalation_level    TEXT    NULL,
    reasons             TEXT    NULL,
    model_version       TEXT    NULL
);

INSERT INTO mentions_keyed_by_brand (
    id, source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers, author_verified,
    likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at, redacted,
    sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
SELECT
    id, source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers, author_verified,
    likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at, redacted,
    sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version
FROM mentions
ORDER BY id;

-- Takes the old indexes and the author triggers of 0008 with it; both are made again below.
DROP TABLE mentions;

ALTER TABLE mentions_keyed_by_brand RENAME TO mentions;

CREATE UNIQUE INDEX ux_mentions_source_external_id_brand ON mentions (source, external_id, brand);
CREATE INDEX ix_mentions_brand_created ON mentions (brand, created_at);
CREATE INDEX ix_mentions_created_brand ON mentions (created_at, brand, source, sentiment);

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

-- The rows that refer to mentions must all still find theirs: with foreign keys off nothing else checks, so a count
-- above zero fails the CHECK, and with it the migration, whose transaction rolls the rebuild back.
CREATE TEMP TABLE mentions_rebuild_check (dangling INTEGER NOT NULL CHECK (dangling = 0));
INSERT INTO mentions_rebuild_check (dangling)
SELECT (SELECT count(*) FROM engagement_snapshots s WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.id = s.mention_id))
     + (SELECT count(*) FROM watch_entries w WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.id = w.mention_id))
     + (SELECT count(*) FROM alerts a WHERE a.mention_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.id = a.mention_id));
DROP TABLE mentions_rebuild_check;
