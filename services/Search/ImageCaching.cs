using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VfeTps.Stream.Search;

/// <summary>
/// Cache headers for crop and frame images: <c>private</c> because they show people, which shared
/// caches must not keep, and <c>no-cache</c> so that every view goes back to the site, to be authorized
/// (a signed-out or revoked browser must not show them from its cache) and audited; the ETag (a hash of
/// what is served) keeps a repeated view to a bodiless 304.
/// </summary>
internal static class ImageCaching
{
    public static EntityTagHeaderValue CropTag(ReadOnlySpan<byte> jpeg) => Tag(SHA256.HashData(jpeg));

    /// <summary>The frame's tag covers the stored frame, the box and how it is drawn, so the drawn JPEG need not be made to compute it.</summary>
    public static EntityTagHeaderValue FrameTag(ReadOnlySpan<byte> storedFrame, CropBox box)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(storedFrame);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"|{box.X},{box.Y},{box.Width},{box.Height}|markup-{FrameMarkup.Version}")));
        return Tag(hash.GetHashAndReset());
    }

    public static void SetCacheHeaders(HttpResponse response) => response.Headers.CacheControl = "private, no-cache";

    private static EntityTagHeaderValue Tag(ReadOnlySpan<byte> hash) => new($"\"{Convert.ToHexStringLower(hash[..16])}\"");
}
