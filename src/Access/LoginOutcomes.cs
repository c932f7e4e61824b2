namespace VfeTps.Stream.Access;

/// <summary>Values of the <c>outcome</c> tag of the login counter (see <see cref="AccessMetrics"/>).</summary>
internal static class LoginOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Throttled = "throttled";
    public const string Busy = "busy";
    public const string Invalid = "invalid";
    public const string Unavailable = "unavailable";
}
