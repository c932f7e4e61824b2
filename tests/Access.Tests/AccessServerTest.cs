namespace VfeTps.Stream.Access.Tests;

/// <summary>A test class with a fresh <see cref="AccessTestServer"/> (and database) per test.</summary>
public abstract class AccessServerTest : IAsyncLifetime
{
    private AccessTestServer? _server;

    internal TempDirectory Directory { get; } = new();

    internal AccessTestServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Configuration of the server, besides the test iteration count.</summary>
    internal virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => _server = await AccessTestServer.StartAsync(Directory, Settings);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }
}
