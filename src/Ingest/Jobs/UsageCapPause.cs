using Microsoft.Extensions.Logging;
using SocialWatch.Core.Ingest;
using SocialWatch.Core.Storage;

namespace SocialWatch.Ingest.Jobs;

/// <summary>
/// What every job that reads a source does when the source refuses further reads until its billing period ends:
/// pause the source for every host until then, log it, and tell the operators once, with what to do.
/// </summary>
internal static class UsageCapPause
{
    public static async Task ApplyAsync(
        string source, UsageCapExceededException cap, string queryKey, IIngestStateStore state, IOperatorAlerts operatorAlerts, ILogger logger, CancellationToken cancellationToken)
    {
        await state.PauseSourceAsync(source, cap.Until, cap.Detail, cancellationToken);
        IngestLog.UsageCapExceeded(logger, queryKey, source, cap.Until, cap.Detail);
        await operatorAlerts.RaiseAsync(
            source,
            $"{source} refuses further reads (usage cap: {cap.Detail}). Polling of {source} is paused until {cap.Until:u}; raise the plan's cap to resume earlier.",
            cancellationToken);
    }
}
