using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Core.Brands;

namespace SocialWatch.Alerts.Tests.Brands;

/// <summary>The configured brands as a host binds them: validated options over the configuration root, following its reloads.</summary>
internal sealed class ConfiguredBrands : IDisposable
{
    private readonly ServiceProvider _services;

    public ConfiguredBrands(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOptions<BrandsOptions>().Bind(configuration).ValidateDataAnnotations();
        _services = services.BuildServiceProvider();
    }

    public IOptionsMonitor<BrandsOptions> Monitor => _services.GetRequiredService<IOptionsMonitor<BrandsOptions>>();

    public void Dispose() => _services.Dispose();
}
