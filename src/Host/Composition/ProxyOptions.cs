using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SocialWatch.Host.Composition;

/// <summary>
/// The TLS-terminating proxies or load balancers in front of the host. Their X-Forwarded-For and X-Forwarded-Proto
/// are believed, so the host sees the caller's address and the original scheme: cookies are then <c>Secure</c>
/// whenever the browser spoke HTTPS to the proxy. Headers from any other address are ignored, so a caller cannot
/// claim another address or scheme. A proxy on the same machine (loopback) is always trusted.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. "10.0.0.0/16".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Proxies in a row whose entries are read (one load balancer: 1).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/16).", [nameof(KnownNetworks)]);
        }
    }
}

internal static class ProxySetup
{
    public static IServiceCollection AddSocialWatchForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>>(sp => new ConfigureOptions<ForwardedHeadersOptions>(o =>
        {
            var proxies = sp.GetRequiredService<IOptions<ProxyOptions>>().Value;

            // The host is what the proxy says it forwarded to; the Host header is not rewritten, so links keep pointing here.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxies.ForwardLimit;
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        }));
        return services;
    }
}
