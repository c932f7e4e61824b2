using System.Diagnostics;
using System.Net.Sockets;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>
/// A real RTSP server: GStreamer's (Debian's python3-gi + gir1.2-gst-rtsp-server-1.0) serving an
/// H.264 MP4 on a loopback port, one pipeline per client (so each connection starts at the file's
/// beginning, at the file's frame rate). It can be killed, restarted on the same port, and frozen
/// (SIGSTOP) to make a stalling camera.
/// </summary>
internal sealed class RtspTestServer : IAsyncDisposable
{
    private const string Script = """
        import sys, gi
        gi.require_version('Gst', '1.0')
        gi.require_version('GstRtspServer', '1.0')
        from gi.repository import Gst, GstRtspServer, GLib
        Gst.init(None)
        path, port = sys.argv[1], sys.argv[2]
        server = GstRtspServer.RTSPServer()
        server.set_address('127.0.0.1')
        server.set_service(port)
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch('( filesrc location="%s" ! qtdemux ! h264parse ! rtph264pay name=pay0 pt=96 config-interval=1 )' % path)
        factory.set_shared(False)
        server.get_mount_points().add_factory('/cam', factory)
        if server.attach(None) == 0:
            print('BIND FAILED', flush=True)
            sys.exit(2)
        print('READY', flush=True)
        GLib.MainLoop().run()
        """;

    private readonly string _scriptPath;
    private readonly string _videoPath;
    private Process? _process;

    private RtspTestServer(string scriptPath, string videoPath, int port)
    {
        _scriptPath = scriptPath;
        _videoPath = videoPath;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The stream's URL, with credentials when given (the server does not ask for them; ffmpeg sends none unless asked).</summary>
    public string Url(string? userInfo = null, string? query = null) =>
        $"rtsp://{(userInfo is null ? string.Empty : userInfo + "@")}127.0.0.1:{Port}/cam{(query is null ? string.Empty : "?" + query)}";

    public static async Task<RtspTestServer> StartAsync(string folder, string videoPath, CancellationToken cancellationToken)
    {
        var scriptPath = Path.Combine(folder, "rtsp_server.py");
        await File.WriteAllTextAsync(scriptPath, Script, cancellationToken);
        var server = new RtspTestServer(scriptPath, videoPath, FreePort.Next());
        await server.RestartAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the server (again) on its port, waiting until it accepts connections.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        Kill();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var startInfo = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            startInfo.ArgumentList.Add(_scriptPath);
            startInfo.ArgumentList.Add(_videoPath);
            startInfo.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var process = Process.Start(startInfo)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                line = null;
            }

            if (line == "READY" && await AcceptsConnectionsAsync(cancellationToken))
            {
                _process = process;
                return;
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken);
            process.Dispose();

            // The port may still be held for a moment by the previous server: poll, with a deadline.
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"The GStreamer RTSP server did not start on port {Port} within 30 s (last output: '{line}').");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Kills the server (clients see the connection drop).</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        Resume();
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but no data flows, like a hung camera.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Thaws a frozen server (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Signal(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        return false;
    }
}
