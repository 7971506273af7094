using Microsoft.Extensions.Logging;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Retention;

namespace SocialWatch.Alerts.Retention;

/// <summary>Recurring job (daily): deletes mentions older than each brand's retention; every run per brand is audited.</summary>
public sealed class RetentionPurgeJob(
    IBrandDirectory brands,
    IRetentionStore store,
    IDataAuditLog audit,
    TimeProvider time,
    ILogger<RetentionPurgeJob> logger)
{
    // Deleting in batches keeps each transaction (and its locks) short on a large table.
    internal const int BatchSize = 5_000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var brand in (await brands.GetAsync(cancellationToken)).Brands)
        {
            if (brand.Retention is not { } retention || retention <= TimeSpan.Zero)
            {
                continue;
            }

            var cutoff = now - retention;
            var total = 0;
            int deleted;
            do
            {
                deleted = await store.PurgeMentionsAsync(brand.Name, cutoff, BatchSize, cancellationToken);
                total += deleted;
            }
            while (deleted == BatchSize);

            await audit.AddAsync(
                new DataAuditEntry(0, "retention-purge", brand.Name, "retention-job", now, total, $"created before {cutoff:O} (retention {retention})"),
                cancellationToken);
            WorkflowLog.Purged(logger, brand.Name, total, cutoff);
        }
    }
}
