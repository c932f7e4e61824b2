using Microsoft.AspNetCore.Http;

namespace VfeTps.Stream.Access;

/// <summary>
/// The browser session cookie <c>vfetps_session</c>: HttpOnly (no script reads it), SameSite=Strict (no
/// other site's page sends it; with JSON-only bodies this is the CSRF defence), Path=/, and Secure when the
/// request came over HTTPS. It expires with the session's absolute lifetime.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "vfetps_session";

    public static void Append(HttpContext context, string token, DateTimeOffset expiresAt) =>
        context.Response.Cookies.Append(Name, token, Options(context, expiresAt));

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, expires: null));

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Expires = expires,
    };
}
