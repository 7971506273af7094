using Microsoft.Extensions.Configuration;
using SocialWatch.Core.Brands;

namespace SocialWatch.Alerts.Retention;

/// <summary>The configured brands (with their retention).</summary>
public interface IBrandCatalog
{
    IReadOnlyList<Brand> GetBrands();
}

/// <summary>Reads the <c>Brands</c> configuration list on each call, so a reloaded file applies to the next run.</summary>
public sealed class ConfigurationBrandCatalog(IConfiguration configuration) : IBrandCatalog
{
    public const string SectionName = "Brands";

    public IReadOnlyList<Brand> GetBrands() => configuration.GetSection(SectionName).Get<List<Brand>>() ?? [];
}
