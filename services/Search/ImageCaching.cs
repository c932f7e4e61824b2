using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VfeTps.Stream.Search;

/// <summary>
/// Cache headers for crop and frame images. A crop id always names the same picture (a redelivery
/// writes identical bytes), so images are cached as immutable; <c>private</c> because they show
/// people, which shared caches must not keep. The ETag is a hash of what is served.
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

    public static void SetCacheHeaders(HttpResponse response, TimeSpan maxAge) =>
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={(long)maxAge.TotalSeconds}, immutable");

    /// <summary>Whether the client's If-None-Match holds <paramref name="tag"/> (or "*").</summary>
    public static bool IsNotModified(HttpRequest request, EntityTagHeaderValue tag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
    }

    private static EntityTagHeaderValue Tag(ReadOnlySpan<byte> hash) => new($"\"{Convert.ToHexStringLower(hash[..16])}\"");
}
