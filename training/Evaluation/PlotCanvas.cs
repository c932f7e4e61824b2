using ScottPlot;
using SkiaSharp;

namespace VfeTps.Stream.Evaluation;

/// <summary>What every chart shares: size checks, a font that renders headless, titles, saving.</summary>
internal static class PlotCanvas
{
    /// <summary>Largest accepted side, in pixels: enough for print, small enough to stay in memory.</summary>
    public const int MaxSide = 8000;

    // Families tried in order. SkiaSharp finds the fonts under /usr/share/fonts; ScottPlot's own
    // pick on Linux can be a serif face, so name a sans one when the machine has it.
    private static readonly string[] PreferredFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial"];

    private static readonly Lazy<string?> InstalledFamily = new(FindInstalledFamily);

    public static IPalette Palette { get; } = new ScottPlot.Palettes.Category10();

    public static Plot Create(string path, string title, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);

        var plot = new Plot();
        if (InstalledFamily.Value is { } family)
        {
            plot.Font.Set(family);
        }

        plot.Title(title);
        return plot;
    }

    /// <summary>Saves as PNG, creating the folder first.</summary>
    public static void Save(Plot plot, string path, int width, int height)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        plot.SavePng(path, width, height);
    }

    public static void RequireFinite(IReadOnlyList<double> values, string what, string parameterName)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{what}[{i}] is {values[i]}; only finite values can be plotted.", parameterName);
            }
        }
    }

    private static string? FindInstalledFamily()
    {
        var installed = new HashSet<string>(SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return PreferredFamilies.FirstOrDefault(installed.Contains);
    }
}
