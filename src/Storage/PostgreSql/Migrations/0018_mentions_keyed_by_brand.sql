-- A post that names two brands is stored once per brand: the dedupe key becomes (source, external_id, brand), so each
-- brand's queue, counts, spikes, digests, routing and retention see its own copy. Lookups by (source, external_id)
-- (redaction, the watch list's reads) still use the key's leading columns. PostgreSQL dialect.
ALTER TABLE mentions ADD CONSTRAINT ux_mentions_source_external_id_brand UNIQUE (source, external_id, brand);
ALTER TABLE mentions DROP CONSTRAINT ux_mentions_source_external_id;
