using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Scoring.Models;

namespace SocialWatch.Scoring.Runtime;

/// <summary>
/// Every host runs this: at start it seeds an empty cluster with the shipped model, then it polls the promoted
/// version every <see cref="ScoringOptions.ModelPollInterval"/> and swaps a newly promoted one into the scorer.
/// A failed poll is logged and tried again on the next tick; the scorer keeps serving the model it has.
/// </summary>
public sealed class ModelWatcher(SharedModels models, IOptions<ScoringOptions> options, TimeProvider time, ILogger<ModelWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ModelPollInterval;
        var seeded = false;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                if (!seeded)
                {
                    await models.EnsureSeededAsync(stoppingToken);
                    seeded = true;
                }

                await models.SyncAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                ScoringLog.ModelPollFailed(logger, models.Status.RunningVersion, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
