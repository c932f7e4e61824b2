using Microsoft.AspNetCore.Http;

namespace VfeTps.Stream.WebApi;

/// <summary>
/// The client's IP address as the audit trail and the login throttle see it: the connection's remote
/// address (the host applies forwarded headers first when it sits behind a trusted proxy).
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
