using Microsoft.AspNetCore.Http;

namespace VfeTps.Stream.Search.Ui;

/// <summary>
/// The headers every UI response carries. The policy allows only this site's own scripts, styles,
/// images (plus data: and blob: images) and API calls: no inline script, no inline style attribute,
/// no framing, no plug-ins. The UI is built to need nothing more.
/// </summary>
internal static class UiSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; script-src 'self'; style-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
    }
}
