using SocialWatch.Core.Brands;

namespace SocialWatch.Alerts.Brands;

/// <summary>What an edit did: the stored brand, or the problems that kept it from being saved (nothing was changed then).</summary>
public sealed record BrandEditResult(StoredBrand? Saved, IReadOnlyList<BrandProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static BrandEditResult Failed(string field, string message) => new(null, [new BrandProblem(field, message)]);
}

/// <summary>
/// Admins' changes to stored brands: validated, checked against the configured brands, saved with the version check,
/// audited by the store, and visible to this host's directory at once. Rescheduling the polls is the caller's part
/// (the ingest scheduler lives with the ingest).
/// </summary>
public sealed class BrandEditor(IBrandStore store, IBrandDirectory directory)
{
    public async Task<BrandEditResult> CreateAsync(Brand brand, string actor, CancellationToken cancellationToken)
    {
        var problems = BrandValidation.Validate(brand).ToList();
        if (problems.Count == 0 && (await directory.GetAsync(cancellationToken)).FindEntry(brand.Name) is { } existing)
        {
            problems.Add(new BrandProblem(nameof(Brand.Name), existing.FromConfiguration
                ? $"'{existing.Brand.Name}' is a brand from configuration; a stored brand needs another name."
                : $"A brand named '{existing.Brand.Name}' already exists; edit that one instead."));
        }

        if (problems.Count > 0)
        {
            return new BrandEditResult(null, problems);
        }

        try
        {
            return new BrandEditResult(await store.CreateAsync(brand, actor, cancellationToken), []);
        }
        catch (BrandNameTakenException e)
        {
            return BrandEditResult.Failed(nameof(Brand.Name), e.Message);
        }
        finally
        {
            directory.Invalidate();
        }
    }

    public async Task<BrandEditResult> UpdateAsync(Brand brand, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var problems = BrandValidation.Validate(brand).ToList();
        if (problems.Count == 0 && (await directory.GetAsync(cancellationToken)).FindEntry(brand.Name) is { FromConfiguration: true } configured)
        {
            problems.Add(new BrandProblem(nameof(Brand.Name), $"'{configured.Brand.Name}' comes from configuration and is read-only here; change it in the configuration."));
        }

        if (problems.Count > 0)
        {
            return new BrandEditResult(null, problems);
        }

        try
        {
            return new BrandEditResult(await store.UpdateAsync(brand, expectedVersion, actor, cancellationToken), []);
        }
        catch (Exception e) when (e is BrandVersionConflictException or BrandNotFoundException)
        {
            return BrandEditResult.Failed("", e.Message + " Nothing was saved; reload the brand and apply your change again.");
        }
        finally
        {
            directory.Invalidate();
        }
    }

    public async Task<BrandEditResult> DeleteAsync(string name, long expectedVersion, string actor, CancellationToken cancellationToken)
    {
        if ((await directory.GetAsync(cancellationToken)).FindEntry(name) is { FromConfiguration: true })
        {
            return BrandEditResult.Failed(nameof(Brand.Name), $"'{name}' comes from configuration and cannot be deleted here.");
        }

        try
        {
            await store.DeleteAsync(name, expectedVersion, actor, cancellationToken);
            return new BrandEditResult(null, []);
        }
        catch (Exception e) when (e is BrandVersionConflictException or BrandNotFoundException)
        {
            return BrandEditResult.Failed("", e.Message + " Nothing was deleted.");
        }
        finally
        {
            directory.Invalidate();
        }
    }
}
