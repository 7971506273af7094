using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Core.Brands;

/// <summary>
/// The <c>Brands</c> list of the configuration root (<see cref="SectionName"/>), validated at start-up and read again
/// when the configuration reloads. The brands the service watches are these plus the ones admins store: read them
/// through <see cref="IBrandDirectory"/>, whose implementation is the only reader of these options.
/// </summary>
public sealed class BrandsOptions : IValidatableObject
{
    /// <summary>The list sits at the root, so the options bind the root and this names their one property.</summary>
    public const string SectionName = "Brands";

    public List<Brand> Brands { get; set; } = [];

    public Brand? Find(string name) =>
        Brands.Find(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Brands.Count; i++)
        {
            var name = Brands[i].Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return new ValidationResult($"Brands:{i}:Name is required.", [SectionName]);
            }
            else if (!seen.Add(name))
            {
                yield return new ValidationResult($"Brands:{i}:Name '{name}' is used by more than one brand.", [SectionName]);
            }
            else if (name.Contains(':', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"Brands:{i}:Name '{name}' may not contain ':' (it is part of query keys).", [SectionName]);
            }

            // Lists that become a request path or address; a typo there fails start-up rather than every poll.
            foreach (var problem in BrandValidation.Validate(Brands[i]).Where(p => p.Field is nameof(Brand.Feeds) or nameof(Brand.YouTubeChannels)))
            {
                yield return new ValidationResult($"Brands:{i}:{problem.Field}: {problem.Message}", [SectionName]);
            }
        }
    }
}
