using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialWatch.Alerts.Brands;
using SocialWatch.Core.Brands;
using SocialWatch.Core.Ingest;
using SocialWatch.Ingest;
using SocialWatch.Ingest.Jobs;
using SocialWatch.Ingest.Watch;

namespace SocialWatch.Host.Pages.Admin;

/// <summary>
/// Brands and what each source polls for them. Configured brands are shown read-only; stored brands are added, edited
/// (with a version check) and deleted here. After every change the ingest jobs are rescheduled, so a new brand starts
/// polling and a deleted one stops.
/// </summary>
public sealed class BrandsModel(
    IBrandDirectory directory,
    BrandEditor editor,
    WatchQueryCatalog catalog,
    IEnumerable<IMentionSource> sources,
    IngestScheduler scheduler,
    WatchCostEstimator watchCosts,
    ReadSpendForecaster spend) : PageModel
{
    // Not spaces: "Acme Air" typed as a handle must be refused as one handle with a space, not split into two.
    private static readonly char[] ListSeparators = [',', ';', '\n', '\r'];
    private static readonly char[] LineSeparators = ['\n', '\r'];

    public IReadOnlyList<BrandView> Brands { get; private set; } = [];

    public IReadOnlyList<StoredBrand> Shadowed { get; private set; } = [];

    public IReadOnlyList<string> SourceNames { get; private set; } = [];

    /// <summary>What each brand's watch list costs per source: watched posts, reads a day at the cadence, today's reads.</summary>
    public IReadOnlyList<(string Brand, WatchCost Cost)> WatchCosts { get; private set; } = [];

    /// <summary>What each brand's paid reads cost: the last count of its query, the month so far and the month's forecast.</summary>
    public IReadOnlyList<(string Brand, SpendForecast Forecast)> Spend { get; private set; } = [];

    /// <summary>The queries of the brand in the form, after Preview (or a refused save).</summary>
    public BrandView? Preview { get; private set; }

    [BindProperty]
    public BrandForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public bool Editing => Input.Version > 0;

    public async Task<IActionResult> OnGetAsync(string? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!string.IsNullOrEmpty(edit))
        {
            var entry = Brands.FirstOrDefault(b => string.Equals(b.Entry.Brand.Name, edit, StringComparison.OrdinalIgnoreCase))?.Entry;
            if (entry?.Stored is null)
            {
                Message = entry is null ? $"There is no brand named '{edit}'." : $"'{entry.Brand.Name}' comes from configuration; change it there.";
                return RedirectToPage();
            }

            Input = BrandForm.From(entry.Stored);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var brand = ToBrand(Input);
        AddProblems(BrandValidation.Validate(brand));
        Preview = View(new BrandEntry(brand, null));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var brand = ToBrand(Input);
        if (!ModelState.IsValid)
        {
            AddProblems(BrandValidation.Validate(brand));
            await LoadAsync(cancellationToken);
            Preview = View(new BrandEntry(brand, null));
            return Page();
        }

        var actor = User.Identity!.Name!;
        var previous = Editing ? (await directory.GetAsync(cancellationToken)).Entries.FirstOrDefault(e => string.Equals(e.Brand.Name, brand.Name, StringComparison.OrdinalIgnoreCase))?.Brand : null;
        var result = Editing
            ? await editor.UpdateAsync(brand, Input.Version, actor, cancellationToken)
            : await editor.CreateAsync(brand, actor, cancellationToken);
        if (!result.Succeeded)
        {
            AddProblems(result.Problems);
            await LoadAsync(cancellationToken);
            Preview = View(new BrandEntry(brand, null));
            return Page();
        }

        // A new or changed paid query is counted before its first poll, so the admin sees what it will cost a day.
        var counts = previous is null || SourceQueryPreview.XQuery(previous) != SourceQueryPreview.XQuery(result.Saved!.Brand)
            ? await spend.CountAsync(result.Saved!.Brand, cancellationToken)
            : [];

        var polls = await scheduler.ScheduleAllAsync(cancellationToken);
        var own = polls.Count(id => id.StartsWith(IngestScheduler.JobIdFor(result.Saved!.Brand.Name + ":"), StringComparison.Ordinal));
        Message = string.Create(CultureInfo.InvariantCulture, $"Brand {result.Saved!.Brand.Name} saved (version {result.Saved.Version}); ingest rescheduled, {own} poll job(s) for it.")
            + string.Concat(counts.Select(c => " " + CountSentence(c)));
        return RedirectToPage();
    }

    /// <summary>Counts a brand's paid queries again (X bills a counts request, not the posts it counts).</summary>
    public async Task<IActionResult> OnPostCountAsync(string name, CancellationToken cancellationToken)
    {
        var entry = (await directory.GetAsync(cancellationToken)).Entries.FirstOrDefault(e => string.Equals(e.Brand.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            Message = $"There is no brand named '{name}'.";
            return RedirectToPage();
        }

        var counts = await spend.CountAsync(entry.Brand, cancellationToken);
        Message = counts.Count == 0 ? $"{entry.Brand.Name} has no query on a source that bills per read." : string.Join(" ", counts.Select(CountSentence));
        return RedirectToPage(null, null, "read-spend");
    }

    /// <summary>One line for the page's message: what the query matched a day and what reading it would cost.</summary>
    public static string CountSentence(VolumeCheck check) => check.Volume is { } volume
        ? string.Create(CultureInfo.InvariantCulture,
            $"{check.Source} counted {volume.Posts:N0} posts in the last {volume.Span.TotalDays:0.#} days for {check.Brand}: about {volume.PostsPerDay:N0} a day, ${check.CostPerDay:N2} a day to read at today's volume.")
        : $"{check.Source} could not count {check.Brand}'s query: {check.Error}";

    public async Task<IActionResult> OnPostDeleteAsync(string name, long version, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteAsync(name ?? "", version, User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            Message = string.Join(" ", result.Problems.Select(p => p.Message));
            return RedirectToPage();
        }

        await scheduler.ScheduleAllAsync(cancellationToken);
        Message = $"Brand {name} deleted; its polls stopped. Its stored mentions and alerts are kept.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var set = await directory.GetAsync(cancellationToken);
        Brands = [.. set.Entries.Select(View)];
        Shadowed = set.Shadowed;
        SourceNames = [.. sources.Select(s => s.Name).Order(StringComparer.Ordinal)];
        var costs = new List<(string, WatchCost)>();
        foreach (var entry in set.Entries)
        {
            costs.AddRange((await watchCosts.EstimateAsync(entry.Brand, cancellationToken)).Select(c => (entry.Brand.Name, c)));
        }

        WatchCosts = costs;
        var forecasts = new List<(string, SpendForecast)>();
        foreach (var entry in set.Entries)
        {
            forecasts.AddRange((await spend.ForecastAsync(entry.Brand, cancellationToken)).Select(f => (entry.Brand.Name, f)));
        }

        Spend = forecasts;
    }

    private BrandView View(BrandEntry entry) => new(
        entry,
        SourceQueryPreview.XQuery(entry.Brand),
        SourceQueryPreview.MastodonHashtags(entry.Brand),
        [.. catalog.For([entry.Brand]).Select(e => e.Query)]);

    private void AddProblems(IEnumerable<BrandProblem> problems)
    {
        foreach (var problem in problems)
        {
            var key = problem.Field switch
            {
                "" => "",
                nameof(Brand.Retention) => $"{nameof(Input)}.{nameof(BrandForm.RetentionDays)}",
                var field => $"{nameof(Input)}.{field}",
            };
            ModelState.AddModelError(key, problem.Message);
        }
    }

    /// <summary>The form's text turned into a brand: entries trimmed, '@' and 'r/' prefixes dropped, duplicates removed.</summary>
    private Brand ToBrand(BrandForm form)
    {
        var feeds = new List<BrandFeed>();
        foreach (var line in Lines(form.Feeds))
        {
            var parts = line.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Uri.TryCreate(parts[1], UriKind.Absolute, out var url))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(BrandForm.Feeds)}", $"Feed line '{Shorten(line)}' must be a name, a space and an absolute http(s) URL.");
                continue;
            }

            feeds.Add(new BrandFeed { Name = parts[0], Url = url });
        }

        return new Brand
        {
            Name = (form.Name ?? "").Trim(),
            Handles = Distinct(Words(form.Handles).Select(h => h.TrimStart('@'))),
            Keywords = Distinct(Lines(form.Keywords)),
            ExcludedTerms = Distinct(Lines(form.ExcludedTerms)),
            Subreddits = Distinct(Words(form.Subreddits).Select(StripSubredditPrefix)),
            Languages = Distinct(Words(form.Languages).Select(l => l.ToLowerInvariant())),
            YouTubeChannels = [.. Words(form.YouTubeChannels).Select(StripChannelUrl).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
            Feeds = feeds,
            Retention = Retention(form.RetentionDays),
        };
    }

    private TimeSpan? Retention(int? days)
    {
        if (days is not { } d)
        {
            return null;
        }

        // Far beyond the longest retention accepted; kept out of TimeSpan so that a huge number cannot overflow it.
        if (Math.Abs(d) > 100_000)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(BrandForm.RetentionDays)}", $"Retention must be positive and at most {BrandValidation.MaxRetention.TotalDays:0} days; leave it empty to keep mentions until erased.");
            return null;
        }

        return TimeSpan.FromDays(d);
    }

    /// <summary>A pasted https://www.youtube.com/channel/UC… address becomes its id; ids are case-sensitive, so nothing else changes.</summary>
    private static string StripChannelUrl(string channel)
    {
        const string marker = "/channel/";
        var at = channel.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? channel : channel[(at + marker.Length)..].Split('/', '?', '#')[0];
    }

    private static string StripSubredditPrefix(string name)
    {
        var trimmed = name.TrimStart('/');
        return trimmed.StartsWith("r/", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
    }

    private static IEnumerable<string> Words(string? text) => (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Lines(string? text) => (text ?? "").Split(LineSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> Distinct(IEnumerable<string> items) => [.. items.Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    /// <summary>A brand with what the sources make of it.</summary>
    public sealed record BrandView(BrandEntry Entry, string? XQuery, IReadOnlyList<string> MastodonHashtags, IReadOnlyList<WatchQuery> Queries);

    public sealed class BrandForm
    {
        /// <summary>0 adds a brand; otherwise the version the edit is based on.</summary>
        public long Version { get; set; }

        public string? Name { get; set; }

        /// <summary>Separated by commas or lines.</summary>
        public string? Handles { get; set; }

        /// <summary>One per line (a keyword may be a phrase).</summary>
        public string? Keywords { get; set; }

        /// <summary>One per line.</summary>
        public string? ExcludedTerms { get; set; }

        public string? Subreddits { get; set; }

        public string? Languages { get; set; }

        /// <summary>Channel ids separated by commas or lines.</summary>
        public string? YouTubeChannels { get; set; }

        /// <summary>One per line: a short name, a space, the URL.</summary>
        public string? Feeds { get; set; }

        public int? RetentionDays { get; set; }

        public static BrandForm From(StoredBrand stored)
        {
            var b = stored.Brand;
            return new BrandForm
            {
                Version = stored.Version,
                Name = b.Name,
                Handles = string.Join(", ", b.Handles),
                Keywords = string.Join("\n", b.Keywords),
                ExcludedTerms = string.Join("\n", b.ExcludedTerms),
                Subreddits = string.Join(", ", b.Subreddits),
                Languages = string.Join(", ", b.Languages),
                YouTubeChannels = string.Join(", ", b.YouTubeChannels),
                Feeds = string.Join("\n", b.Feeds.Select(f => $"{f.Name} {f.Url?.AbsoluteUri}")),
                RetentionDays = b.Retention is { } r ? (int)Math.Ceiling(r.TotalDays) : null,
            };
        }
    }
}
