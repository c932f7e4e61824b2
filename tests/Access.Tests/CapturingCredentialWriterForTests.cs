using System.Collections.Concurrent;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Test double of the console writer: keeps each bootstrap credential shown, to log in with it and count how often it is shown.</summary>
internal sealed class CapturingCredentialWriterForTests : IBootstrapCredentialWriter
{
    private readonly ConcurrentQueue<BootstrapAdminCredential> _written = new();

    public IReadOnlyList<BootstrapAdminCredential> Written => [.. _written];

    public void Write(BootstrapAdminCredential credential) => _written.Enqueue(credential);
}
