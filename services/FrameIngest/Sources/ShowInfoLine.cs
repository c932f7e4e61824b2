using System.Globalization;
using System.Text.RegularExpressions;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>One frame as ffmpeg's showinfo filter describes it on stderr.</summary>
internal readonly record struct ShowInfoFrame(long Index, TimeSpan? Position, int Width, int Height);

/// <summary>Parses ffmpeg's showinfo lines (the per-frame line and the stream's frame rate).</summary>
internal static partial class ShowInfoLine
{
    public static bool IsShowInfo(string line) => line.Contains("[Parsed_showinfo", StringComparison.Ordinal);

    public static bool TryParseFrame(string line, out ShowInfoFrame frame)
    {
        frame = default;
        var match = FramePattern().Match(line);
        if (!match.Success
            || !long.TryParse(match.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(match.Groups["w"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(match.Groups["h"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
        {
            return false;
        }

        TimeSpan? position = double.TryParse(match.Groups["t"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds)
            ? TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
            : null;
        frame = new ShowInfoFrame(index, position, width, height);
        return true;
    }

    /// <summary>The input frame rate from showinfo's "config in … frame_rate: N/D" line; 0 when the line has none.</summary>
    public static double ParseFrameRate(string line)
    {
        var match = FrameRatePattern().Match(line);
        return match.Success
            && double.TryParse(match.Groups["num"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(match.Groups["den"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0
            ? numerator / denominator
            : 0;
    }

    [GeneratedRegex(@"\bn:\s*(?<n>\d+)\s+pts:\s*\S+\s+pts_time:(?<t>\S+)\s.*?\bs:(?<w>\d+)x(?<h>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex FramePattern();

    [GeneratedRegex(@"config in .*?frame_rate:\s*(?<num>\d+)/(?<den>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex FrameRatePattern();
}
