using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Search.Ui;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the control-room web UI (plain HTML, CSS and ES modules embedded in the search library).</summary>
public static class ControlRoomUiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /</c> (the app; 302 to <c>/login</c> without a signed-in user), <c>GET /login</c> and
    /// <c>GET /ui/{path}</c> (static assets with strong ETags; 404 for anything that is not one of them).
    /// Every route allows anonymous callers and answers with a strict Content-Security-Policy,
    /// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c> and
    /// <c>X-Frame-Options: DENY</c>. Map it after authentication is set up, so that <c>/</c> sees the session.
    /// </summary>
    public static IEndpointRouteBuilder MapControlRoomUi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        UiPageEndpoints.Map(app, UiAssetCatalog.Default);
        return app;
    }
}
