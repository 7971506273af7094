-- Nothing to change in this dialect; the script keeps the numbering the same in every dialect.
-- On SQLite, migration 0008 splits the mentions-by-author index into levels, because each SQLite commit writes every
-- page it dirtied to the WAL in full, so random author ids cost one 4 KiB page per stored mention. This dialect logs
-- an index insert as a small record (a full page only on its first change after a checkpoint), so ix_mentions_author
-- stays an ordinary index here.
SELECT 1;
