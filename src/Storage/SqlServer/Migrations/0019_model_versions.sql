-- Model versions shared by every host: each version's files (ML.NET zips, metrics.json, MODEL_CARD.md, calibration.json,
-- manifest.json) as one zip archive, with its metrics beside it for listing. replaced is the version that was promoted
-- when this one was last promoted, so a rollback that goes back to this version knows where the next rollback goes.
-- promoted_model holds exactly one row (id = 1): the version every host serves and the one it replaced. Hosts poll
-- that row and load a version they do not run yet into a local cache. SQL Server dialect.
CREATE TABLE dbo.model_versions (
    version      nvarchar(100)     COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT pk_model_versions PRIMARY KEY,
    created_at   datetimeoffset(7) NOT NULL,
    created_by   nvarchar(100)     NOT NULL,
    metrics_json nvarchar(max)     NULL,
    archive      varbinary(max)    NOT NULL,
    replaced     nvarchar(100)     COLLATE Latin1_General_100_BIN2 NULL
);
GO

CREATE TABLE dbo.promoted_model (
    id          int               NOT NULL CONSTRAINT pk_promoted_model PRIMARY KEY CONSTRAINT ck_promoted_model_single CHECK (id = 1),
    version     nvarchar(100)     COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT fk_promoted_model_version REFERENCES dbo.model_versions (version),
    previous    nvarchar(100)     COLLATE Latin1_General_100_BIN2 NULL CONSTRAINT fk_promoted_model_previous REFERENCES dbo.model_versions (version),
    promoted_at datetimeoffset(7) NOT NULL,
    promoted_by nvarchar(200)     NOT NULL
);
GO
