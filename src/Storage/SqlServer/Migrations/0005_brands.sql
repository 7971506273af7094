-- Brands added by admins (the Brands configuration list stays read-only). SQL Server dialect.

-- queries holds the per-source lists (handles, keywords, excluded terms, subreddits, languages, feeds) as one JSON
-- document: they are read and written whole, never searched. version grows by one per update (optimistic concurrency).
-- Names key cursors, jobs and stored mentions; the default case-insensitive collation keeps them unique regardless of case.
CREATE TABLE dbo.brands (
    id                bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_brands PRIMARY KEY,
    name              nvarchar(100)     NOT NULL,
    queries           nvarchar(max)     NOT NULL,
    retention_seconds bigint            NULL,
    version           bigint            NOT NULL,
    created_by        nvarchar(200)     NOT NULL,
    created_at        datetimeoffset(7) NOT NULL,
    updated_by        nvarchar(200)     NOT NULL,
    updated_at        datetimeoffset(7) NOT NULL,
    CONSTRAINT ux_brands_name UNIQUE (name),
    CONSTRAINT ck_brands_queries_json CHECK (ISJSON(queries) = 1)
);
GO
