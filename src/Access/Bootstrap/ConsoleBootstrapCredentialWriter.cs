namespace VfeTps.Stream.Access;

/// <summary>Writes the first administrator's credential to standard output, framed so it stands out from the log.</summary>
internal sealed class ConsoleBootstrapCredentialWriter(TextWriter output) : IBootstrapCredentialWriter
{
    public ConsoleBootstrapCredentialWriter()
        : this(Console.Out)
    {
    }

    public void Write(BootstrapAdminCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var password = credential.GeneratedPassword ?? "(the one set in Access:BootstrapAdminPassword)";
        var rule = new string('=', 72);
        output.WriteLine();
        output.WriteLine(rule);
        output.WriteLine("  VfeTps.Stream: an administrator account was created (no users existed).");
        output.WriteLine($"  user: {credential.UserName} / password: {password}");
        output.WriteLine(credential.GeneratedPassword is null
            ? "  Change it under Admin."
            : "  This is shown once; change it under Admin after signing in.");
        output.WriteLine(rule);
        output.WriteLine();
        output.Flush();
    }
}
