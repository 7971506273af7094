using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Storage.Stores;

namespace SocialWatch.Storage.Sqlite;

/// <summary>
/// One statement prepared per page and re-bound per row through the native handle, parameters bound by index:
/// SQLite has no network round trip, and per row the ADO.NET layer (parameter lookup by name, a reader per
/// ExecuteScalar) cost about as much as the insert itself. The statement runs on the connection inside the
/// page's transaction, so atomicity and the cursor check are unchanged. The author index merges its full levels
/// in the same transaction.
/// </summary>
internal sealed class SqliteMentionPageInsert(SqliteDialect dialect) : IMentionPageInsert
{
    private const string InsertMentionSql = """
        INSERT INTO mentions (
            source, external_id, brand, text, author_id, author_handle, author_display_name, author_followers, author_verified,
            likes, reposts, replies, quotes, url, lang, conversation_id, created_at, ingested_at, redacted,
            sentiment, p_negative, p_neutral, p_positive, complaint, escalation_score, escalation_level, reasons, model_version)
        VALUES (
            $source, $external_id, $brand, $text, $author_id, $author_handle, $author_display_name, $author_followers, $author_verified,
            $likes, $reposts, $replies, $quotes, $url, $lang, $conversation_id, $created_at, $ingested_at, 0,
            $sentiment, $p_negative, $p_neutral, $p_positive, $complaint, $escalation_score, $escalation_level, $reasons, $model_version)
        ON CONFLICT (source, external_id, brand) DO NOTHING
        RETURNING id
        """;

    private static readonly string[] InsertMentionParameters =
    [
        "$source", "$external_id", "$brand", "$text", "$author_id", "$author_handle", "$author_display_name", "$author_followers",
        "$author_verified", "$likes", "$reposts", "$replies", "$quotes", "$url", "$lang", "$conversation_id", "$created_at",
        "$ingested_at", "$sentiment", "$p_negative", "$p_neutral", "$p_positive", "$complaint", "$escalation_score",
        "$escalation_level", "$reasons", "$model_version",
    ];

    public Task<IReadOnlyList<StoredMention>> InsertAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoredMention> mentions, CancellationToken cancellationToken)
    {
        var inserted = Insert((SqliteConnection)connection, mentions, cancellationToken);
        if (inserted.Count > 0)
        {
            SqliteAuthorIndex.MergeFullLevels((SqliteConnection)connection, (SqliteTransaction)transaction);
        }

        return Task.FromResult<IReadOnlyList<StoredMention>>(inserted);
    }

    private List<StoredMention> Insert(SqliteConnection connection, IReadOnlyList<ScoredMention> mentions, CancellationToken cancellationToken)
    {
        var inserted = new List<StoredMention>(mentions.Count);
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, InsertMentionSql, out var statement), db);
        using (statement)
        {
            var p = new int[InsertMentionParameters.Length];
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = raw.sqlite3_bind_parameter_index(statement, InsertMentionParameters[i]);
            }

            for (var row = 0; row < mentions.Count; row++)
            {
                if ((row & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var (m, score) = StorageText.Clean(mentions[row]);
                BindText(statement, p[0], m.Source, db);
                BindText(statement, p[1], m.ExternalId, db);
                BindText(statement, p[2], m.Brand, db);
                BindText(statement, p[3], m.Text, db);
                BindText(statement, p[4], m.Author.Id, db);
                BindText(statement, p[5], m.Author.Handle, db);
                BindText(statement, p[6], m.Author.DisplayName, db);
                BindInt64(statement, p[7], m.Author.Followers, db);
                BindInt64(statement, p[8], m.Author.Verified ? 1 : 0, db);
                BindInt64(statement, p[9], m.Metrics.Likes, db);
                BindInt64(statement, p[10], m.Metrics.Reposts, db);
                BindInt64(statement, p[11], m.Metrics.Replies, db);
                BindInt64(statement, p[12], m.Metrics.Quotes, db);
                BindText(statement, p[13], m.Url, db);
                BindText(statement, p[14], m.Language, db);
                BindText(statement, p[15], m.ConversationId, db);
                BindInt64(statement, p[16], (long)dialect.ToDb(m.CreatedAt), db);
                BindInt64(statement, p[17], (long)dialect.ToDb(m.IngestedAt), db);
                BindText(statement, p[18], score.Sentiment.Label.ToString(), db);
                BindDouble(statement, p[19], score.Sentiment.Negative, db);
                BindDouble(statement, p[20], score.Sentiment.Neutral, db);
                BindDouble(statement, p[21], score.Sentiment.Positive, db);
                BindDouble(statement, p[22], score.Complaint, db);
                BindDouble(statement, p[23], score.Escalation.Score, db);
                BindText(statement, p[24], score.Escalation.Level.ToString(), db);
                BindText(statement, p[25], StorageJson.SerializeReasons(score.Escalation.Reasons), db);
                BindText(statement, p[26], score.ModelVersion, db);

                // A skipped duplicate returns no row.
                var rc = raw.sqlite3_step(statement);
                if (rc == raw.SQLITE_ROW)
                {
                    var id = raw.sqlite3_column_int64(statement, 0);
                    rc = raw.sqlite3_step(statement);
                    inserted.Add(new StoredMention(id, m, score, Redacted: false));
                }

                if (rc != raw.SQLITE_DONE)
                {
                    raw.sqlite3_reset(statement);
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                Check(raw.sqlite3_reset(statement), db);
            }
        }

        return inserted;
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value, sqlite3 db) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value), db);

    private static void BindInt64(sqlite3_stmt statement, int index, long value, sqlite3 db) =>
        Check(raw.sqlite3_bind_int64(statement, index, value), db);

    private static void BindDouble(sqlite3_stmt statement, int index, double value, sqlite3 db) =>
        Check(raw.sqlite3_bind_double(statement, index, value), db);

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
