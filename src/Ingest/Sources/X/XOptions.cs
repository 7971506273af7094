using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Ingest.Sources.X;

/// <summary>X API v2 recent search. Registered only when enabled and a bearer token is configured.</summary>
public sealed class XOptions : SourceOptions
{
    public const string SectionName = "Sources:X";

    public XOptions()
    {
        BaseUrl = new Uri("https://api.x.com/");
    }

    /// <summary>App-only OAuth 2.0 bearer token. A secret: comes from configuration, never from the repository.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Posts per page (the API allows 10..100).</summary>
    [Range(10, 100)]
    public int MaxResults { get; set; } = 100;

    /// <summary>Posts that may be read per brand and UTC day (X bills per post read); null means no budget.</summary>
    [Range(1, long.MaxValue)]
    public long? DailyReadBudgetPerBrand { get; set; }

    /// <summary>What X bills for one post read, in US dollars (pay-per-use pricing: about half a cent).</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal CostPerRead { get; set; } = 0.005m;

    /// <summary>How far back the very first poll of a query reaches; later polls continue from the stored since_id.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "6.23:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromHours(1);
}
