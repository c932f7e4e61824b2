using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VfeTps.Stream.Search.Ui;

/// <summary>Writes a UI asset with its validators: 304 without a body when the browser already holds this version.</summary>
internal static class UiAssetResponder
{
    public static async Task WriteAsync(HttpContext context, UiAsset asset)
    {
        var response = context.Response;
        UiSecurityHeaders.Apply(response);
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = asset.CacheControl;
        if (Matches(context.Request, asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
    }

    public static void NotFound(HttpContext context)
    {
        UiSecurityHeaders.Apply(context.Response);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>Whether If-None-Match names this tag (or "*"); weak tags from proxies count (RFC 9110 uses weak comparison here).</summary>
    private static bool Matches(HttpRequest request, string tag)
    {
        var candidates = request.GetTypedHeaders().IfNoneMatch;
        if (candidates.Count == 0)
            return false;
        var ours = new EntityTagHeaderValue(tag);
        return candidates.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false));
    }
}
