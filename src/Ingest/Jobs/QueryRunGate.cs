using Hangfire;
using Hangfire.Storage;

namespace SocialWatch.Ingest.Jobs;

/// <summary>Keeps two runs of one watch query apart, on every host that shares the job storage.</summary>
public interface IQueryRunGate
{
    /// <summary>The held gate, to dispose when the run ends; null at once when another run of the query holds it.</summary>
    IDisposable? TryEnter(string queryKey);
}

/// <summary>
/// The gate as a Hangfire distributed lock taken without waiting. A poll that finds the previous run of its query
/// still going is skipped rather than queued behind it: the next occurrence reads from the cursor that run leaves,
/// so nothing is lost, and a slow source cannot pile up waiting workers that fail on a lock timeout and retry.
/// </summary>
public sealed class HangfireQueryRunGate(JobStorage storage) : IQueryRunGate
{
    public IDisposable? TryEnter(string queryKey)
    {
        var connection = storage.GetConnection();
        try
        {
            // Lower-cased, as the lock name has always been: brand names are unique regardless of case.
            return new Held(connection.AcquireDistributedLock("ingest:" + queryKey.ToLowerInvariant(), TimeSpan.Zero), connection);
        }
        catch (Exception ex) when (IsLockTimeout(ex))
        {
            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Storages report a lock held elsewhere with Hangfire's timeout exception or, like Hangfire.PostgreSql, their own.
    private static bool IsLockTimeout(Exception ex) =>
        ex is DistributedLockTimeoutException || ex.GetType().Name.EndsWith("DistributedLockException", StringComparison.Ordinal);

    private sealed class Held(IDisposable handle, IStorageConnection connection) : IDisposable
    {
        public void Dispose()
        {
            handle.Dispose();
            connection.Dispose();
        }
    }
}

/// <summary>The gate for compositions without Hangfire (one process: the replay verb, benchmarks, tests).</summary>
public sealed class ProcessQueryRunGate : IQueryRunGate
{
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    public IDisposable? TryEnter(string queryKey)
    {
        lock (_running)
        {
            return _running.Add(queryKey) ? new Held(this, queryKey) : null;
        }
    }

    private sealed class Held(ProcessQueryRunGate gate, string queryKey) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (gate._running)
                {
                    gate._running.Remove(queryKey);
                }
            }
        }
    }
}
