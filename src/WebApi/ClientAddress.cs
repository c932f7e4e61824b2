using Microsoft.AspNetCore.Http;

namespace VfeTps.Stream.WebApi;

/// <summary>
/// The client's IP address as the audit trail and the login throttle see it: the connection's remote
/// address, which is the client's own only when the host believes X-Forwarded-For from its trusted
/// proxies (the embedded site: <c>Site:TrustedProxies</c>); behind an untrusted proxy it is the proxy's.
/// </summary>
public static class ClientAddress
{
    /// <summary>The key used when the address is unknown (in-process test servers, Unix sockets).</summary>
    public const string Unknown = "unknown";

    public static string? Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return null;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    public static string KeyOf(HttpContext context) => Of(context) ?? Unknown;
}
