using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SocialWatch.Core.Retention;

namespace SocialWatch.Alerts.Retention;

/// <param name="Reason">Reference of the request (ticket number), kept in the audit.</param>
public sealed record EraseAuthorCommand(string Source, string AuthorId, string Actor, string? Reason);

/// <summary>Erases one author's data on request; audited with a hash of the author, not the author itself.</summary>
public sealed class EraseAuthorData(IRetentionStore store, IDataAuditLog audit, TimeProvider time, ILogger<EraseAuthorData> logger)
{
    public async Task<int> ExecuteAsync(EraseAuthorCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Source) || string.IsNullOrWhiteSpace(command.AuthorId))
        {
            throw new ArgumentException("Erasure needs the source and the author's id on it.", nameof(command));
        }

        var deleted = await store.EraseAuthorAsync(command.Source, command.AuthorId, cancellationToken);
        await audit.AddAsync(
            new DataAuditEntry(0, "author-erasure", SubjectHash(command.Source, command.AuthorId), command.Actor, time.GetUtcNow(), deleted, command.Reason),
            cancellationToken);
        WorkflowLog.Erased(logger, command.Source, SubjectHash(command.Source, command.AuthorId), deleted, command.Actor);
        return deleted;
    }

    /// <summary>Lets an auditor confirm "was this author erased?" without the log holding the author's id.</summary>
    public static string SubjectHash(string source, string authorId) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{source.ToLowerInvariant()}:{authorId}")));
}
