using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>The "search" rate limit: a token bucket per user and per key; 429 with Retry-After when empty.</summary>
public sealed class SearchRateLimitTests : AccessServerTest
{
    internal override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Access:SearchBurst"] = "3",
        ["Access:SearchRequestsPerMinute"] = "1",
    };

    [Fact]
    public async Task A_burst_is_served_then_429_with_retry_after_while_another_key_and_a_user_are_unaffected()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Operator]);
        var (_, busy) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator]);
        var (_, quiet) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator]);
        var session = Credential.Session(await Server.LoginAsync("olga"));

        for (var search = 1; search <= 3; search++)
            Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Post, "/test/search", Credential.Key(busy))).StatusCode);
        var refused = await Server.SendAsync(HttpMethod.Post, "/test/search", Credential.Key(busy));

        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many searches", problem.Title, StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {retryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Post, "/test/search", Credential.Key(quiet))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Post, "/test/search", session)).StatusCode);
    }

    [Fact]
    public async Task Unauthenticated_and_forbidden_requests_spend_no_tokens()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Operator, SiteRoles.Ml]);
        var (_, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator]);
        var (_, mlOnly) = await Server.SeedKeyAsync("olga", [SiteRoles.Ml]);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Server.SendAsync(HttpMethod.Post, "/test/search")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await Server.SendAsync(HttpMethod.Post, "/test/search", Credential.Key(mlOnly))).StatusCode);
        }

        for (var search = 1; search <= 3; search++)
            Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Post, "/test/search", Credential.Key(secret))).StatusCode);
    }
}
