using Microsoft.Extensions.Options;

namespace VfeTps.Stream.FrameIngest;

/// <summary>Refuses <see cref="FrameIngestOptions"/> that cannot work, saying every problem at once.</summary>
public sealed class FrameIngestOptionsValidator : IValidateOptions<FrameIngestOptions>
{
    private static readonly string[] RtspTransports = ["tcp", "udp", "udp_multicast", "http"];

    public ValidateOptionsResult Validate(string? name, FrameIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public static IReadOnlyList<string> Problems(FrameIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FfmpegPath))
        {
            problems.Add($"{nameof(options.FfmpegPath)} must name the ffmpeg executable (for example 'ffmpeg').");
        }

        if (!RtspTransports.Contains(options.RtspTransport))
        {
            problems.Add($"{nameof(options.RtspTransport)} must be one of {string.Join(", ", RtspTransports)} (got '{options.RtspTransport}').");
        }

        if (options.HardwareDecoding && string.IsNullOrWhiteSpace(options.HardwareAccelerator))
        {
            problems.Add($"{nameof(options.HardwareAccelerator)} must be set (for example 'auto') when {nameof(options.HardwareDecoding)} is on.");
        }

        RequirePositive(problems, nameof(options.NetworkTimeout), options.NetworkTimeout);
        RequirePositive(problems, nameof(options.ProbeDuration), options.ProbeDuration);
        RequirePositive(problems, nameof(options.ConnectTimeout), options.ConnectTimeout);
        RequirePositive(problems, nameof(options.StallTimeout), options.StallTimeout);
        RequirePositive(problems, nameof(options.ReconnectInitialDelay), options.ReconnectInitialDelay);
        RequirePositive(problems, nameof(options.ReconnectMaxDelay), options.ReconnectMaxDelay);
        RequirePositive(problems, nameof(options.StopTimeout), options.StopTimeout);
        RequirePositive(problems, nameof(options.HealthWindow), options.HealthWindow);
        RequirePositive(problems, nameof(options.AnnounceTimeout), options.AnnounceTimeout);
        if (options.ReconnectMaxDelay < options.ReconnectInitialDelay)
        {
            problems.Add($"{nameof(options.ReconnectMaxDelay)} ({options.ReconnectMaxDelay}) must not be below {nameof(options.ReconnectInitialDelay)} ({options.ReconnectInitialDelay}).");
        }

        if (!double.IsFinite(options.ReconnectMultiplier) || options.ReconnectMultiplier < 1)
        {
            problems.Add($"{nameof(options.ReconnectMultiplier)} must be a number of at least 1 (got {options.ReconnectMultiplier}).");
        }

        return problems;
    }

    private static void RequirePositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive (got {value}).");
        }
    }
}
