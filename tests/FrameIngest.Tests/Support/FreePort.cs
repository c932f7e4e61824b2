using System.Net;
using System.Net.Sockets;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback TCP port nobody listens on right now (tests run in parallel: never a fixed port).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
