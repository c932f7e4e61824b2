using Microsoft.AspNetCore.Http;

namespace VfeTps.Stream.Search;

/// <summary>The URLs of a crop's images, relative to the host (the request's path base included).</summary>
internal static class CropLinks
{
    public static string Thumbnail(PathString pathBase, string cropId) => $"{pathBase}/api/crops/{Uri.EscapeDataString(cropId)}/image";

    public static string Frame(PathString pathBase, string cropId) => $"{pathBase}/api/crops/{Uri.EscapeDataString(cropId)}/frame";
}
