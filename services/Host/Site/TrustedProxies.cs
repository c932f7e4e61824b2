using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// Believes X-Forwarded-For and X-Forwarded-Proto from the proxies named in <see cref="SiteOptions.TrustedProxies"/>
/// only, so the client's address and HTTPS are right behind a TLS terminator and cannot be forged by anyone else.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the site names (and with none
            // named, the middleware is not used at all: empty lists would make it believe everyone).
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in site.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>Options validation: each entry must be an IP address.</summary>
    public static IEnumerable<string> Problems(SiteOptions options) =>
        options.TrustedProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)).Select(proxy => $"Site:TrustedProxies: '{proxy}' is not an IP address.");
}
