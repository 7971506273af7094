using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Host.Composition;

/// <summary>What this host process does. N identical hosts can split into web-only and worker-only ones.</summary>
public sealed class SocialWatchHostOptions
{
    public const string SectionName = "Host";

    /// <summary>Serve the web UI and API.</summary>
    public bool Web { get; set; } = true;

    /// <summary>Run a Hangfire server (ingest, refresh, SLA, digests...).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Apply pending schema migrations when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public enum HangfireStorageKind
{
    InMemory,
    PostgreSql,
    SqlServer,
}

/// <summary>Where Hangfire keeps jobs, locks and recurring schedules.</summary>
public sealed class HangfireOptions
{
    public const string SectionName = "Hangfire";

    public HangfireStorageKind Storage { get; set; } = HangfireStorageKind.InMemory;

    /// <summary>Worker threads of this host's Hangfire server.</summary>
    [Range(1, 100)]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>How often this server looks for due recurring and delayed jobs (sub-minute polls need less than 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Name shown in the Hangfire dashboard; defaults to the machine name.</summary>
    public string? ServerName { get; set; }
}
