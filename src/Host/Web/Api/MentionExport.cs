using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using SocialWatch.Core.Mentions;
using SocialWatch.Core.Storage;
using SocialWatch.Host.Web.Alerts;

namespace SocialWatch.Host.Web.Api;

/// <summary>
/// <c>GET /api/mentions.csv</c>: the mentions <c>GET /api/mentions</c> would list, every page of them, as one CSV
/// download for a spreadsheet. Streamed page by page, so an export of a year holds one page in memory. The same team
/// scope as the JSON list applies.
/// </summary>
internal static class MentionExport
{
    private const int PageSize = 500;

    /// <summary>
    /// RFC 4180 with a byte order mark (so a spreadsheet reads UTF-8), and text written by strangers made inert: a cell
    /// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or CR would run as a formula, so it gets a leading
    /// apostrophe (OWASP's CSV injection advice). Numbers are not text and keep their sign.
    /// </summary>
    private static readonly CsvWriterOptions s_csv = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static void MapMentionExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/mentions.csv", async (
                HttpContext context,
                IMentionStore mentions,
                TeamScope scope,
                ClaimsPrincipal user,
                TimeProvider time,
                string? brand,
                string? source,
                DateTimeOffset? since,
                DateTimeOffset? until,
                CancellationToken cancellationToken) =>
            {
                if (since is not null && until is not null && since > until)
                {
                    return Results.Problem("since must not be after until.", statusCode: StatusCodes.Status400BadRequest);
                }

                var teams = (await scope.ForAsync(user, cancellationToken)).Teams;
                var query = new MentionQuery { Brand = brand, Source = source, Since = since, Until = until, Limit = PageSize, Teams = teams };

                // Read the first page before the headers go out, so that a failing database still answers 500, not a
                // 200 with a truncated file.
                var page = await mentions.GetMentionsAsync(query, cancellationToken);
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"socialwatch-mentions-{time.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
                await using var csv = CsvWriter.Create(context.Response.Body, s_csv, leaveOpen: true);
                WriteHeader(csv);
                await csv.EndRecordAsync(cancellationToken);
                while (page.Count > 0)
                {
                    foreach (var mention in page)
                    {
                        WriteRow(csv, mention);
                        await csv.EndRecordAsync(cancellationToken);
                    }

                    await csv.FlushAsync(cancellationToken);
                    if (page.Count < PageSize)
                    {
                        break;
                    }

                    page = await mentions.GetMentionsAsync(query with { BeforeId = page[^1].Id }, cancellationToken);
                }

                return Results.Empty;
            })
            .RequireAuthorization(SocialWatchPolicies.Reader)
            .WithTags("Mentions")
            .WithName("ExportMentions")
            .WithSummary("Export mentions as CSV")
            .WithDescription(
                "Every mention GET /api/mentions would list for brand, source, since and until, as one RFC 4180 CSV download "
                + "(UTF-8 with a byte order mark; cells that a spreadsheet would run as formulas are escaped).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static readonly string[] s_columns =
    [
        "id", "created_at", "source", "brand", "author_handle", "author_name", "followers", "text", "url", "language",
        "likes", "reposts", "replies", "quotes", "sentiment", "negative", "complaint", "escalation", "level", "reasons",
    ];

    private static void WriteHeader(CsvWriter csv)
    {
        foreach (var column in s_columns)
        {
            csv.WriteField(column);
        }
    }

    private static void WriteRow(CsvWriter csv, StoredMention stored)
    {
        var m = stored.Mention;
        var s = stored.Score;
        csv.WriteField(stored.Id, default);
        csv.WriteField(m.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        csv.WriteField(m.Source);
        csv.WriteField(m.Brand);
        csv.WriteField(m.Author.Handle);
        csv.WriteField(m.Author.DisplayName);
        csv.WriteField(m.Author.Followers, default);
        csv.WriteField(stored.Redacted ? "" : m.Text);
        csv.WriteField(m.Url);
        csv.WriteField(m.Language);
        csv.WriteField(m.Metrics.Likes, default);
        csv.WriteField(m.Metrics.Reposts, default);
        csv.WriteField(m.Metrics.Replies, default);
        csv.WriteField(m.Metrics.Quotes, default);
        csv.WriteField(s?.Sentiment.Label.ToString().ToLowerInvariant() ?? "");
        csv.WriteField(s is null ? "" : s.Sentiment.Negative.ToString("0.###", CultureInfo.InvariantCulture));
        csv.WriteField(s is null ? "" : s.Complaint.ToString("0.###", CultureInfo.InvariantCulture));
        csv.WriteField(s is null ? "" : s.Escalation.Score.ToString("0.###", CultureInfo.InvariantCulture));
        csv.WriteField(s?.Escalation.Level.ToString() ?? "");
        csv.WriteField(s is null ? "" : string.Join("; ", s.Escalation.Reasons.Select(r => r.Text)));
    }
}
