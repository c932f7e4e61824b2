using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace VfeTps.Stream.Search.Ui;

/// <summary>
/// The UI's files, read once from this assembly's embedded resources (named <c>vfetps-ui/{path}</c> by the
/// project file). Lookups are exact matches against that fixed set, so no request path can reach
/// anything else: there is no file system behind it to traverse.
/// </summary>
internal sealed class UiAssetCatalog
{
    /// <summary>The prefix the project file gives every UI resource name.</summary>
    public const string ResourcePrefix = "vfetps-ui/";

    private static readonly Lazy<UiAssetCatalog> Embedded = new(() => Load(typeof(UiAssetCatalog).Assembly));

    private readonly FrozenDictionary<string, UiAsset> _assets;

    private UiAssetCatalog(FrozenDictionary<string, UiAsset> assets) => _assets = assets;

    /// <summary>The catalog of the UI embedded in VfeTps.Stream.Search.dll.</summary>
    public static UiAssetCatalog Default => Embedded.Value;

    public int Count => _assets.Count;

    /// <summary>The asset at <paramref name="path"/> (relative, '/'-separated), or null for anything that is not one of the UI's files.</summary>
    public UiAsset? Find(string? path) =>
        path is not null && UiPaths.IsPlain(path) && _assets.TryGetValue(path, out var asset) ? asset : null;

    /// <summary>Reads every resource named <see cref="ResourcePrefix"/>… of a served kind from <paramref name="assembly"/>.</summary>
    public static UiAssetCatalog Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var assets = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                continue;
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            if (!UiContentTypes.TryGet(path, out var contentType, out var cacheControl))
                continue;
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded UI resource '{name}' cannot be read.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"";
            assets[path] = new UiAsset(path, content, contentType, tag, cacheControl);
        }

        return new UiAssetCatalog(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
