namespace VfeTps.Stream.Access;

/// <summary>
/// Shows the first administrator's credential once, when the site creates it at its first start. The
/// default writes a framed block to standard output; a host or a test may register its own (before
/// <c>AddSiteAccess</c>, or replacing it after). It is the only place a generated password ever goes:
/// it is never logged.
/// </summary>
public interface IBootstrapCredentialWriter
{
    void Write(BootstrapAdminCredential credential);
}

/// <summary>The administrator created at the first start.</summary>
/// <param name="UserName">The user name (<c>admin</c>).</param>
/// <param name="GeneratedPassword">The generated password, or null when it came from <see cref="AccessOptions.BootstrapAdminPassword"/>.</param>
public sealed record BootstrapAdminCredential(string UserName, string? GeneratedPassword)
{
    /// <summary>Leaves the password out, so that logging the credential by accident does not leak it.</summary>
    public override string ToString() => $"BootstrapAdminCredential {{ UserName = {UserName}, Generated = {GeneratedPassword is not null} }}";
}
