using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>An open alert stream is re-authenticated by the real access library: revoking its key ends it.</summary>
public sealed class AlertStreamRevocationTests
{
    [Fact]
    public async Task Revoking_the_key_of_an_open_alert_stream_ends_the_stream()
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string> { ["Watchlists:PingInterval"] = "00:00:00.200" };
        await using var site = new SiteFactory(data.FullPath, settings);
        using var admin = site.CreateClient();
        using var operatorClient = site.Server.CreateClient();
        var secret = await SiteKeys.CreateAsync(admin, "wall", [SiteRoles.Operator]);
        SiteKeys.Use(operatorClient, secret);
        var cancellation = TestContext.Current.CancellationToken;

        using var stream = await operatorClient.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, cancellation);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        await using var body = await stream.Content.ReadAsStreamAsync(cancellation);
        using var reader = new StreamReader(body);
        Assert.NotNull(await reader.ReadLineAsync(cancellation)); // the stream is open and talking

        var keys = JsonDocument.Parse(await admin.GetStringAsync("/api/keys", cancellation)).RootElement;
        var id = keys.EnumerateArray().Single(key => key.GetProperty("name").GetString() == "wall").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{id}", cancellation)).StatusCode);

        // Pings every 200 ms each re-authenticate: the stream must end (EOF) well within the deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (await reader.ReadLineAsync(deadline.Token) is not null)
        {
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorClient.SendAsync(again, cancellation)).StatusCode);
    }
}
