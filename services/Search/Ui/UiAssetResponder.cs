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
        if (EntityTags.IfNoneMatch(context.Request, new EntityTagHeaderValue(asset.ETag)))
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
}
