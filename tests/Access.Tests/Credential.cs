using System.Net.Http.Headers;

namespace VfeTps.Stream.Access.Tests;

/// <summary>How a test request proves who it is: a session cookie, or an API key in one of the two accepted headers.</summary>
internal sealed record Credential(string? SessionToken = null, string? ApiKey = null, bool ViaXApiKeyHeader = false)
{
    public static Credential Session(string token) => new(SessionToken: token);

    public static Credential Key(string secret, bool viaXApiKeyHeader = false) => new(ApiKey: secret, ViaXApiKeyHeader: viaXApiKeyHeader);

    public void ApplyTo(HttpRequestMessage request)
    {
        if (SessionToken is not null)
            request.Headers.Add("Cookie", $"vfetps_session={SessionToken}");
        if (ApiKey is not null && ViaXApiKeyHeader)
            request.Headers.Add("X-Api-Key", ApiKey);
        else if (ApiKey is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public override string ToString() => SessionToken is not null ? "session" : ViaXApiKeyHeader ? "X-Api-Key" : "Bearer key";
}
