namespace VfeTps.Stream.FrameIngest;

/// <summary>
/// How FrameIngest reads cameras (bound from the <c>FrameIngest</c> configuration section and
/// validated at start by <see cref="FrameIngestOptionsValidator"/>).
/// </summary>
public sealed class FrameIngestOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "FrameIngest";

    /// <summary>The ffmpeg executable that pulls RTSP/HTTP streams (Debian's <c>ffmpeg</c>, 5.1 or newer).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>RTSP lower transport: <c>tcp</c> (default: survives NAT and lossy links), <c>udp</c>, <c>udp_multicast</c> or <c>http</c>.</summary>
    public string RtspTransport { get; set; } = "tcp";

    /// <summary>
    /// Adds <c>-hwaccel {HardwareAccelerator}</c> to ffmpeg. Off by default: the project's machines
    /// have no GPU, and <c>auto</c> quietly falls back to software decoding anyway where none is found.
    /// </summary>
    public bool HardwareDecoding { get; set; }

    /// <summary>The ffmpeg hardware accelerator used when <see cref="HardwareDecoding"/> is on (<c>auto</c>, <c>cuda</c>, <c>vaapi</c>, …).</summary>
    public string HardwareAccelerator { get; set; } = "auto";

    /// <summary>ffmpeg's socket timeout (<c>-timeout</c> for RTSP, <c>-rw_timeout</c> for HTTP): a dead server is noticed after this.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long ffmpeg studies a network stream before decoding (<c>-analyzeduration</c>). ffmpeg
    /// holds the frames it reads meanwhile and then releases them in a burst, so this is latency on
    /// every (re)connection: its own default (5 s; about 2.5 s of burst at 10 fps) is cut to 0.5 s.
    /// Raise it for a camera whose first key frame comes later (ffmpeg then says it "could not find
    /// codec parameters").
    /// </summary>
    public TimeSpan ProbeDuration { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait for the first frame after (re)connecting.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>No frame for this long on a streaming camera counts as a failure (the worker reconnects).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnection back-off ceiling (the actual wait is drawn uniformly below it: full jitter).</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest back-off ceiling.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much the back-off ceiling grows after each failed attempt (at least 1).</summary>
    public double ReconnectMultiplier { get; set; } = 2;

    /// <summary>How long stopping a camera waits for its worker (and its ffmpeg process) before giving up.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The window over which health reports frames per second in and out.</summary>
    public TimeSpan HealthWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the registry waits for the bus to take a CameraAdded or CameraRemoved announcement
    /// (made after the change is committed, whatever happens to the caller's request). An add that is
    /// not announced in time is undone; a remove stops the local worker directly.
    /// </summary>
    public TimeSpan AnnounceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A copy, so that later changes do not reach workers already running.</summary>
    public FrameIngestOptions Clone() => (FrameIngestOptions)MemberwiseClone();
}
