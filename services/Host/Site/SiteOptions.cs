using System.ComponentModel.DataAnnotations;

namespace VfeTps.Stream.Host.Site;

/// <summary>Where the embedded site keeps its data and how big its in-process streams are (section "Site").</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>Metadata database, blob store (crops, frames) and vector index live here; relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data/site";

    /// <summary>The model bundle served at start (folder with manifest.json); relative to the working directory.</summary>
    [Required]
    public string ModelBundle { get; set; } = "models/tiny-synthpedes-20261128";

    /// <summary>
    /// Frames waiting for PersonCrop. Small on purpose: a frame is a full BGR image (1.3 MB at 768×576),
    /// and a live camera drops a frame rather than queue behind a busy detector.
    /// </summary>
    [Range(1, 4096)]
    public int FrameStreamCapacity { get; set; } = 32;

    /// <summary>Crops waiting for the Embedder (small events; the JPEG is in the blob store).</summary>
    [Range(1, 65536)]
    public int CropStreamCapacity { get; set; } = 1024;

    /// <summary>Embedded-crop notifications waiting for the latency statistics (the watchlists have their own feed).</summary>
    [Range(1, 65536)]
    public int EmbeddedStreamCapacity { get; set; } = 1024;

    /// <summary>
    /// Addresses of reverse proxies (a TLS terminator) whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed: then the client's address (login throttling, audit) and HTTPS (the session cookie's
    /// Secure flag) come from them. Empty by default: no forwarded header is believed.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>Crops, frames, vectors, watchlist hits, dead letters and audit entries older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often retention runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
