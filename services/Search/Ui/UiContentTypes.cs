namespace VfeTps.Stream.Search.Ui;

/// <summary>
/// The kinds of file the UI is made of: the media type each is served as, and how long a browser may
/// keep it. Pages are revalidated on every load (so a new version shows at once); the rest may be
/// kept a few minutes and then revalidated by ETag, which answers 304 without a body.
/// </summary>
internal static class UiContentTypes
{
    private const string Revalidate = "no-cache";
    private const string FewMinutes = "public, max-age=300";

    private static readonly Dictionary<string, (string ContentType, string CacheControl)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = ("text/html; charset=utf-8", Revalidate),
        [".css"] = ("text/css; charset=utf-8", FewMinutes),
        [".js"] = ("text/javascript; charset=utf-8", FewMinutes),
        [".svg"] = ("image/svg+xml", FewMinutes),
        [".png"] = ("image/png", FewMinutes),
    };

    /// <summary>The media type and Cache-Control of a file, or false for a kind the UI does not serve.</summary>
    public static bool TryGet(string path, out string contentType, out string cacheControl)
    {
        if (ByExtension.TryGetValue(System.IO.Path.GetExtension(path), out var kind))
        {
            (contentType, cacheControl) = kind;
            return true;
        }

        contentType = cacheControl = string.Empty;
        return false;
    }
}
