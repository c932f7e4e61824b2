using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace VfeTps.Stream.Search.Ui;

/// <summary>
/// The UI's routes: the app shell at <c>/</c> (signed-in users only: anyone else is sent to
/// <c>/login</c>), the login page at <c>/login</c>, and the static assets under <c>/ui/</c>. All are
/// anonymous as far as authorization goes: the shell decides for itself, the login page must be
/// reachable without a session, and the assets hold no data (the data comes from the API, which
/// checks every call).
/// </summary>
internal static class UiPageEndpoints
{
    private const string LoginPath = "/login";

    public static void Map(IEndpointRouteBuilder app, UiAssetCatalog catalog)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        var ui = app.MapGroup(string.Empty).WithTags("Control-room UI").ExcludeFromDescription();

        ui.MapMethods("/", methods, (HttpContext context) => AppShellAsync(context, catalog))
            .WithName("ControlRoomApp")
            .AllowAnonymous();

        ui.MapMethods(LoginPath, methods, (HttpContext context) => LoginPageAsync(context, catalog))
            .WithName("ControlRoomLogin")
            .AllowAnonymous();

        ui.MapMethods("/ui/{**path}", methods, (HttpContext context, string? path) => AssetAsync(context, catalog, path))
            .WithName("ControlRoomAsset")
            .AllowAnonymous();
    }

    private static Task AppShellAsync(HttpContext context, UiAssetCatalog catalog)
    {
        if (!IsSignedIn(context))
        {
            UiSecurityHeaders.Apply(context.Response);
            context.Response.Headers.CacheControl = "no-store";
            // The browser keeps the #fragment across the redirect, so the login page can come back to it.
            context.Response.Redirect($"{context.Request.PathBase}{LoginPath}");
            return Task.CompletedTask;
        }

        return Serve(context, catalog, UiPaths.AppShell);
    }

    private static Task LoginPageAsync(HttpContext context, UiAssetCatalog catalog) =>
        Serve(context, catalog, UiPaths.LoginPage);

    private static Task AssetAsync(HttpContext context, UiAssetCatalog catalog, string? path) =>
        Serve(context, catalog, path is null ? null : UiPaths.AssetFolder + path);

    private static Task Serve(HttpContext context, UiAssetCatalog catalog, string? path)
    {
        if (catalog.Find(path) is not { } asset)
        {
            UiAssetResponder.NotFound(context);
            return Task.CompletedTask;
        }

        return UiAssetResponder.WriteAsync(context, asset);
    }

    private static bool IsSignedIn(HttpContext context) => context.User.Identity?.IsAuthenticated == true;
}
