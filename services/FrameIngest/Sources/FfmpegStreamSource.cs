using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Channels;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>
/// A source read through Debian's ffmpeg as a child process that pipes raw BGR24 frames to stdout
/// (the way established NVRs pull RTSP). A stderr reader turns showinfo lines into frame headers
/// (timestamp, size) in the order the frames follow on stdout, keeps ffmpeg's last words (masked)
/// for error messages, and stopping kills the whole process tree.
/// </summary>
internal sealed class FfmpegStreamSource : IFrameSource
{
    private readonly Process _process;
    private readonly System.IO.Stream _stdout;
    private readonly Channel<ShowInfoFrame> _headers = Channel.CreateUnbounded<ShowInfoFrame>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly FfmpegErrorLog _errors;
    private readonly Task _stderrReader;
    private readonly string _displayName;
    private byte[] _buffer = [];
    private ShowInfoFrame _current;
    private volatile float _frameRate;

    private FfmpegStreamSource(Process process, string source, bool isLive)
    {
        _process = process;
        _stdout = process.StandardOutput.BaseStream;
        _errors = new FfmpegErrorLog(source);
        _displayName = StreamSourceMask.Mask(source);
        IsLive = isLive;
        _stderrReader = Task.Run(() => ReadStderrAsync(process.StandardError));
    }

    public bool IsLive { get; }

    public double FrameRate => _frameRate;

    public int Width => _current.Width;

    public int Height => _current.Height;

    public TimeSpan? Position => _current.Position;

    public string? EndProblem => null;

    /// <summary>Starts ffmpeg on the source; the first frame arrives through <see cref="ReadNextAsync"/>.</summary>
    public static FfmpegStreamSource Start(string source, FrameIngestOptions options)
    {
        var startInfo = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in FfmpegArguments.For(source, options))
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new FrameSourceException($"ffmpeg ('{options.FfmpegPath}') did not start.");
        }
        catch (Win32Exception e)
        {
            throw new FrameSourceException(
                $"ffmpeg ('{options.FfmpegPath}') could not be started ({e.Message}); install Debian's ffmpeg or set FrameIngest:FfmpegPath.", e);
        }

        process.StandardInput.Close();
        return new FfmpegStreamSource(process, source, StreamSources.IsNetworkStream(source));
    }

    public async ValueTask<bool> ReadNextAsync(CancellationToken cancellationToken)
    {
        if (!await _headers.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !_headers.Reader.TryRead(out var header))
        {
            // stderr closed: ffmpeg is exiting. A clean exit is the end of the stream; anything else is a failure.
            var exitCode = await ExitCodeAsync(cancellationToken).ConfigureAwait(false);
            if (exitCode == 0)
            {
                return false;
            }

            throw new FrameSourceException($"ffmpeg stopped reading '{_displayName}' (exit code {exitCode}): {_errors.Summary()}");
        }

        var size = checked(header.Width * header.Height * 3);
        if (_buffer.Length != size)
        {
            _buffer = new byte[size];
        }

        try
        {
            await _stdout.ReadExactlyAsync(_buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            var exitCode = await ExitCodeAsync(cancellationToken).ConfigureAwait(false);
            throw new FrameSourceException($"ffmpeg's output of '{_displayName}' ended inside a frame (exit code {exitCode}): {_errors.Summary()}", e);
        }

        _current = header;
        return true;
    }

    public VideoFrame CopyFrame() => new(_current.Width, _current.Height, _buffer.AsSpan(0, _current.Width * _current.Height * 3).ToArray());

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                await _stderrReader.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A process that does not die within 5 s after SIGKILL is beyond our reach; do not hang the worker.
            }
        }

        _process.Dispose();
    }

    private async Task<int> ExitCodeAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _stderrReader.ConfigureAwait(false);
        return _process.ExitCode;
    }

    private async Task ReadStderrAsync(StreamReader stderr)
    {
        try
        {
            while (await stderr.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (!ShowInfoLine.IsShowInfo(line))
                {
                    _errors.Add(line);
                }
                else if (ShowInfoLine.TryParseFrame(line, out var frame))
                {
                    _headers.Writer.TryWrite(frame);
                }
                else if (_frameRate == 0)
                {
                    _frameRate = (float)ShowInfoLine.ParseFrameRate(line);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke because the process was killed: nothing more to read.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }
        finally
        {
            _headers.Writer.TryComplete();
        }
    }
}
