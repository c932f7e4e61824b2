using System.Text;
using System.Threading.Channels;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>One server-sent event as a client parses it (a comment has only <see cref="Comment"/>).</summary>
internal sealed record ServerSentEvent(string? Id, string? Event, string? Data, string? Comment);

/// <summary>
/// Reads a text/event-stream response the way a browser's EventSource does (fields up to a blank
/// line), on a background task, into a channel the test waits on with a deadline.
/// </summary>
internal sealed class ServerSentEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<ServerSentEvent> _events = Channel.CreateUnbounded<ServerSentEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private ServerSentEvents(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Whether the server ended the stream.</summary>
    public bool Ended => _reading.IsCompleted;

    public static async Task<ServerSentEvents> OpenAsync(HttpClient client, string path = "/api/alerts/stream", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return new ServerSentEvents(response);
    }

    /// <summary>Parses a response already opened (with <see cref="HttpCompletionOption.ResponseHeadersRead"/>); disposing disposes it.</summary>
    public static ServerSentEvents Over(HttpResponseMessage response) => new(response);

    /// <summary>The next event or comment, failing the test after <paramref name="seconds"/>.</summary>
    public Task<ServerSentEvent> NextAsync(double seconds = 30) =>
        NextWithinAsync(TimeSpan.FromSeconds(seconds), $"No server-sent event within {seconds} s.");

    /// <summary>
    /// The next event that is not a comment, failing the test after <paramref name="seconds"/> in all
    /// (one deadline for the whole wait: the pings of a live stream must not keep a missing event waited for forever).
    /// </summary>
    public async Task<ServerSentEvent> NextEventAsync(double seconds = 30)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var failure = $"No server-sent event (besides comments) within {seconds} s.";
        while (true)
        {
            var left = TimeSpan.FromSeconds(seconds) - waited.Elapsed;
            if (left <= TimeSpan.Zero)
                Assert.Fail(failure);
            var next = await NextWithinAsync(left, failure);
            if (next.Comment is null)
                return next;
        }
    }

    private async Task<ServerSentEvent> NextWithinAsync(TimeSpan wait, string failure)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(wait);
        try
        {
            return await _events.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail(failure);
            throw;
        }
        catch (ChannelClosedException)
        {
            Assert.Fail("The server ended the stream.");
            throw;
        }
    }

    /// <summary>Events (comments included) already received, without waiting.</summary>
    public List<ServerSentEvent> Received()
    {
        var received = new List<ServerSentEvent>();
        while (_events.Reader.TryRead(out var next))
            received.Add(next);
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var stream = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? id = null, name = null, comment = null;
            StringBuilder? data = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (id is not null || name is not null || data is not null || comment is not null)
                        _events.Writer.TryWrite(new ServerSentEvent(id, name, data?.ToString(), comment));
                    id = name = comment = null;
                    data = null;
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "":
                        comment = value;
                        break;
                    case "id":
                        id = value;
                        break;
                    case "event":
                        name = value;
                        break;
                    case "data":
                        (data ??= new StringBuilder()).Append(data.Length > 0 ? "\n" : string.Empty).Append(value);
                        break;
                }
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
