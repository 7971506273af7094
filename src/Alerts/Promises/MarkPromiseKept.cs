using SocialWatch.Core.Promises;

namespace SocialWatch.Alerts.Promises;

public sealed class PromiseNotFoundException(long promiseId) : Exception($"Promise {promiseId} does not exist.")
{
    public long PromiseId { get; } = promiseId;
}

/// <summary>An agent confirms a promise was kept; the first confirmation counts.</summary>
public sealed class MarkPromiseKept(IPromiseStore promises, TimeProvider time)
{
    /// <returns>The promise as stored; <see cref="Promise.KeptBy"/> shows who confirmed it first.</returns>
    public async Task<Promise> ExecuteAsync(long promiseId, string actor, CancellationToken cancellationToken)
    {
        _ = await promises.GetAsync(promiseId, cancellationToken) ?? throw new PromiseNotFoundException(promiseId);
        await promises.MarkKeptAsync(promiseId, actor, time.GetUtcNow(), cancellationToken);
        return await promises.GetAsync(promiseId, cancellationToken) ?? throw new PromiseNotFoundException(promiseId);
    }
}
