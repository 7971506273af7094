using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Access;
using SocialWatch.Core.Retention;

namespace SocialWatch.Alerts.Retention;

/// <param name="Author">The author's id on the source, or their handle (a leading '@' is ignored).</param>
/// <param name="Reason">Reference of the request (ticket number), kept in the audit.</param>
public sealed record EraseAuthorCommand(string Source, string Author, string Actor, string? Reason);

public enum AuthorErasureOutcome
{
    /// <summary>The author's data was found (and, for an erasure, erased).</summary>
    Found,

    /// <summary>Nothing is stored for that author on that source.</summary>
    NothingStored,

    /// <summary>The handle names more than one author id (a handle that changed hands); erase by id instead.</summary>
    Ambiguous,
}

/// <param name="AuthorIds">The ids the request named: the one found, or the candidates of an ambiguous handle.</param>
public sealed record AuthorErasureResult(AuthorErasureOutcome Outcome, IReadOnlyList<string> AuthorIds, AuthorDataCounts Counts);

/// <summary>
/// Erases one author's data on request (every brand's copy of their mentions and what other tables kept of them), or
/// shows first what would go. Audited twice, with a hash of the author, not the author: in <c>data_audit</c> beside
/// the retention purges, and in the admin audit that the admin pages show.
/// </summary>
public sealed partial class EraseAuthorData(IRetentionStore store, IDataAuditLog audit, IAdminAuditStore adminAudit, TimeProvider time, ILogger<EraseAuthorData> logger)
{
    public const string AuditArea = "privacy";
    public const int MaxAuthorLength = 256;
    public const int MaxReasonLength = 200;

    /// <summary>What is wrong with the request, in one sentence, or null when it can be run.</summary>
    public static string? Problem(string? source, string? author, string? reason = null)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return "Name the source the author posted on (x, reddit, bluesky, …).";
        }

        if (!SourceName().IsMatch(source.Trim()))
        {
            return $"'{source.Trim()}' is not a source name: letters, digits, '.', '_' or '-', up to 40 characters.";
        }

        var trimmed = author?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed == "@")
        {
            return "Name the author by their id on the source or their handle.";
        }

        if (trimmed.Length > MaxAuthorLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"An author id or handle is one word of at most {MaxAuthorLength} characters.";
        }

        return reason is { Length: > MaxReasonLength } ? $"The request reference is at most {MaxReasonLength} characters." : null;
    }

    /// <summary>What an erasure would remove now; removes nothing and audits nothing.</summary>
    public async Task<AuthorErasureResult> PreviewAsync(string source, string author, CancellationToken cancellationToken)
    {
        var (src, ids) = await ResolveAsync(source, author, cancellationToken);
        if (ids.Count != 1)
        {
            return Unresolved(ids);
        }

        var counts = await store.CountAuthorDataAsync(src, ids[0], cancellationToken);
        return counts.IsEmpty ? Unresolved([]) : new AuthorErasureResult(AuthorErasureOutcome.Found, ids, counts);
    }

    public async Task<AuthorErasureResult> ExecuteAsync(EraseAuthorCommand command, CancellationToken cancellationToken)
    {
        if (Problem(command.Source, command.Author, command.Reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(command));
        }

        var (source, ids) = await ResolveAsync(command.Source, command.Author, cancellationToken);
        if (ids.Count != 1)
        {
            return Unresolved(ids);
        }

        var counts = await store.EraseAuthorAsync(source, ids[0], cancellationToken);
        if (counts.IsEmpty)
        {
            return Unresolved([]);
        }

        var subject = SubjectHash(source, ids[0]);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var at = time.GetUtcNow();
        await audit.AddAsync(new DataAuditEntry(0, "author-erasure", subject, command.Actor, at, counts.Mentions, reason), cancellationToken);
        await adminAudit.AddAsync(
            new AdminAuditEntry(0, command.Actor, at, AuditArea, subject, "erased author data on " + source, reason is null ? counts.ToString() : $"{counts} (request {reason})"),
            cancellationToken);
        WorkflowLog.Erased(logger, source, subject, counts.Mentions, command.Actor);
        return new AuthorErasureResult(AuthorErasureOutcome.Found, ids, counts);
    }

    /// <summary>Lets an auditor confirm "was this author erased?" without the log holding the author's id.</summary>
    public static string SubjectHash(string source, string authorId) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{source.ToLowerInvariant()}:{authorId}")));

    private async Task<(string Source, IReadOnlyList<string> Ids)> ResolveAsync(string source, string author, CancellationToken cancellationToken)
    {
        var src = source.Trim().ToLowerInvariant();
        return (src, await store.FindAuthorIdsAsync(src, author.Trim(), cancellationToken));
    }

    private static AuthorErasureResult Unresolved(IReadOnlyList<string> ids) =>
        new(ids.Count > 1 ? AuthorErasureOutcome.Ambiguous : AuthorErasureOutcome.NothingStored, ids, AuthorDataCounts.None);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,39}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SourceName();
}
