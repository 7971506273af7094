using MimeKit;
using SocialWatch.Core.Digests;

namespace SocialWatch.Alerts.Digests;

/// <summary>What an admin (settings page or API) submits to create or change a subscription.</summary>
public sealed record DigestSubscriptionRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Recipients { get; init; }
    public IReadOnlyList<string>? Brands { get; init; }
    public DigestCadence Cadence { get; init; }

    /// <summary>Local send time "HH:mm" for daily and weekly cadences.</summary>
    public TimeOnly? SendAt { get; init; }

    public DayOfWeek? WeeklyOn { get; init; }
    public string? Cron { get; init; }
    public string? TimeZone { get; init; }
    public bool Enabled { get; init; } = true;

    internal DigestSubscription ToSubscription(long id, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["name"] = "A name of 1 to 200 characters is required.";
        }

        var recipients = (Recipients ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
        {
            errors["recipients"] = "At least one recipient is required.";
        }
        else if (recipients.Count > 50)
        {
            errors["recipients"] = "At most 50 recipients are allowed.";
        }
        else if (recipients.FirstOrDefault(r => !IsPlainAddress(r)) is { } bad)
        {
            errors["recipients"] = $"'{bad}' is not an e-mail address.";
        }

        var brands = (Brands ?? []).Select(b => b?.Trim() ?? "").Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (brands.Any(b => b.Length > 200))
        {
            errors["brands"] = "Brand names are at most 200 characters.";
        }

        var subscription = new DigestSubscription
        {
            Id = id,
            Name = name,
            Recipients = recipients,
            Brands = brands,
            Cadence = Cadence,
            SendAt = SendAt ?? new TimeOnly(8, 0),
            WeeklyOn = WeeklyOn ?? DayOfWeek.Monday,
            Cron = Cadence == DigestCadence.Custom ? Cron?.Trim() : null,
            TimeZoneId = TimeZone?.Trim() ?? "",
            Enabled = Enabled,
            CreatedAt = createdAt,
            UpdatedAt = now,
        };

        // The schedule adds the time zone and cron problems, so the admin sees every bad field at once.
        try
        {
            DigestSchedule.For(subscription);
        }
        catch (DigestValidationException ex)
        {
            foreach (var (field, message) in ex.Errors)
            {
                errors[field] = message;
            }
        }

        if (errors.Count > 0)
        {
            throw new DigestValidationException(errors);
        }

        return subscription;
    }

    private static bool IsPlainAddress(string value) =>
        MailboxAddress.TryParse(value, out var mailbox)
        && mailbox.Address.Contains('@', StringComparison.Ordinal)
        && string.Equals(mailbox.Address, value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Creates a subscription and its recurring job.</summary>
public sealed class CreateDigestSubscription(IDigestSubscriptionStore store, DigestScheduler scheduler, TimeProvider time)
{
    public async Task<DigestSubscription> HandleAsync(DigestSubscriptionRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var created = await store.CreateAsync(request.ToSubscription(0, now, now), cancellationToken);
        scheduler.Schedule(created);
        return created;
    }
}

/// <summary>Changes a subscription and re-registers its job (cron or time zone may have changed).</summary>
public sealed class UpdateDigestSubscription(IDigestSubscriptionStore store, DigestScheduler scheduler, TimeProvider time)
{
    /// <summary>Returns the updated subscription, or null when it does not exist.</summary>
    public async Task<DigestSubscription?> HandleAsync(long id, DigestSubscriptionRequest request, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(id, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var updated = request.ToSubscription(id, existing.CreatedAt, time.GetUtcNow());
        if (!await store.UpdateAsync(updated, cancellationToken))
        {
            return null;
        }

        scheduler.Schedule(updated);
        return updated;
    }
}

/// <summary>Deletes a subscription and its recurring job.</summary>
public sealed class DeleteDigestSubscription(IDigestSubscriptionStore store, DigestScheduler scheduler)
{
    public async Task<bool> HandleAsync(long id, CancellationToken cancellationToken)
    {
        // Job first: a job left without its subscription would only log, but a subscription without a job is silent.
        scheduler.Unschedule(id);
        return await store.DeleteAsync(id, cancellationToken);
    }
}

/// <summary>Lists subscriptions with their next send time, for the admin settings.</summary>
public sealed class ListDigestSubscriptions(IDigestSubscriptionStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<DigestSubscriptionView>> HandleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await store.ListAsync(cancellationToken);
        return [.. all.Select(s =>
        {
            DateTimeOffset? next = null;
            string? problem = null;
            try
            {
                next = s.Enabled ? DigestSchedule.For(s).NextSendTime(now) : null;
            }
            catch (DigestValidationException ex)
            {
                problem = ex.Message;
            }

            return new DigestSubscriptionView(s, next, problem);
        })];
    }
}

/// <summary>A subscription with its next send time, or the reason it cannot be scheduled.</summary>
public sealed record DigestSubscriptionView(DigestSubscription Subscription, DateTimeOffset? NextSendAt, string? Problem);

/// <summary>The recent digests of a subscription and what each covered.</summary>
public sealed class ListDigestRuns(IDigestRunStore runs)
{
    public Task<IReadOnlyList<DigestRun>> HandleAsync(long subscriptionId, int limit, CancellationToken cancellationToken) =>
        runs.ListAsync(subscriptionId, Math.Clamp(limit, 1, 200), cancellationToken);
}
