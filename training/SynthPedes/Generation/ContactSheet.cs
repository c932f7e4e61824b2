using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// A PNG grid for eyeballing the set: one row per identity (the first test identities, so look-alike families
/// sit next to each other), one tile per image, each labelled with the person id and camera.
/// </summary>
internal static class ContactSheet
{
    public const string FileName = "contact-sheet.png";
    private const int Gap = 4;
    private const int LabelHeight = 14;
    private const int MaxTileHeight = 192;

    public static (int Width, int Height) Size(SynthPedesOptions options, int rows)
    {
        var (tileWidth, tileHeight) = Tile(options);
        var columns = options.MaxImagesPerIdentity;
        return (Gap + (columns * (tileWidth + Gap)), Gap + (Math.Max(rows, 1) * (LabelHeight + tileHeight + Gap)));
    }

    public static (int Width, int Height) Write(SynthPedesOptions options, IReadOnlyList<ShotPlan> plans)
    {
        var shown = plans.Where(p => p.Split == SplitNames.Test).Select(p => p.PersonId).Distinct().Take(options.ContactSheetIdentities).ToList();
        if (shown.Count == 0)
        {
            shown = [.. plans.Select(p => p.PersonId).Distinct().Take(Math.Max(1, options.ContactSheetIdentities))];
        }

        var (width, height) = Size(options, shown.Count);
        var (tileWidth, tileHeight) = Tile(options);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(245, 245, 242));
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 11f);
        using var ink = new SKPaint { Color = new SKColor(30, 30, 30), IsAntialias = true };
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None);
        for (var row = 0; row < shown.Count; row++)
        {
            var top = Gap + (row * (LabelHeight + tileHeight + Gap));
            var column = 0;
            foreach (var plan in plans.Where(p => p.PersonId == shown[row]))
            {
                var left = Gap + (column++ * (tileWidth + Gap));
                canvas.DrawText($"{plan.PersonId} c{plan.Camera.Number}", left + 1, top + LabelHeight - 3, SKTextAlign.Left, font, ink);
                using var image = SKImage.FromEncodedData(Path.Combine(options.OutputDirectory, plan.RelativePath));
                canvas.DrawImage(image, new SKRect(left, top + LabelHeight, left + tileWidth, top + LabelHeight + tileHeight), sampling);
            }
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        using (var file = File.Create(Path.Combine(options.OutputDirectory, FileName)))
        {
            png.SaveTo(file);
        }

        return (width, height);
    }

    private static (int Width, int Height) Tile(SynthPedesOptions options)
    {
        var scale = Math.Min(1.0, MaxTileHeight / (double)options.ImageHeight);
        return ((int)Math.Round(options.ImageWidth * scale), (int)Math.Round(options.ImageHeight * scale));
    }
}
