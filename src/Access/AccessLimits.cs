namespace VfeTps.Stream.Access;

/// <summary>Fixed limits of the access API's requests.</summary>
internal static class AccessLimits
{
    /// <summary>The largest JSON body accepted (16 KiB); larger ones are answered 413 unread.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The most cameras one user or key may be restricted to.</summary>
    public const int MaxCameras = 1000;

    public const int MaxKeyNameLength = 100;
}
