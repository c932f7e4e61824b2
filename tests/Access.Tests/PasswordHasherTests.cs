using System.Net;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>PBKDF2-HMAC-SHA512 hashes: self-describing, salted, verified in fixed time, upgraded at login when the iteration count is raised.</summary>
public sealed class PasswordHasherTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_default_is_210000_iterations_with_a_16_byte_salt_and_a_self_describing_format()
    {
        var options = new AccessOptions();
        var hasher = new PasswordHasher(Options.Create(options));

        var hash = hasher.Hash(TestPasswords.Default);
        var again = hasher.Hash(TestPasswords.Default);

        Assert.Equal(210_000, options.PasswordIterations);
        var parts = hash.Split('$');
        Assert.Equal(["pbkdf2-sha512", "210000"], parts[..2]);
        Assert.Equal(16, System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]).Length);
        Assert.Equal(64, System.Buffers.Text.Base64Url.DecodeFromChars(parts[3]).Length);
        Assert.NotEqual(hash, again);
        Assert.True(hasher.Verify(TestPasswords.Default, hash));
        Assert.True(hasher.Verify(TestPasswords.Default, again));
        Assert.False(hasher.Verify(TestPasswords.Default + " ", hash));
        Assert.False(hasher.NeedsRehash(hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("pbkdf2-sha512$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha512$0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pbkdf2-sha512$99999999999$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("md5$1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pbkdf2-sha512$100000$!!!$???")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        var hasher = new PasswordHasher(Options.Create(new AccessOptions { PasswordIterations = TestPasswords.Iterations }));

        Assert.False(hasher.Verify(TestPasswords.Default, stored));
        Assert.True(hasher.NeedsRehash(stored));
    }

    [Fact]
    public void An_unknown_user_costs_one_hash_like_a_known_one()
    {
        var hasher = new PasswordHasher(Options.Create(new AccessOptions { PasswordIterations = TestPasswords.Iterations }));
        var hash = hasher.Hash(TestPasswords.Default);
        hasher.VerifyAgainstDummy("warm-up password");

        // The fastest of three runs each: robust against a busy machine's pauses.
        var known = Fastest(() => hasher.Verify("some password", hash));
        var unknown = Fastest(() => hasher.VerifyAgainstDummy("some password"));

        Assert.False(hasher.VerifyAgainstDummy(TestPasswords.Default));
        // Same work, so the same order of time (generous bounds: the machine is shared).
        Assert.InRange(unknown.TotalMilliseconds, known.TotalMilliseconds / 3, known.TotalMilliseconds * 3);
    }

    private static TimeSpan Fastest(Func<bool> verify)
    {
        var fastest = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            verify();
            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
        }

        return fastest;
    }

    [Fact]
    public async Task A_login_upgrades_a_hash_made_with_fewer_iterations_than_configured()
    {
        using var directory = new TempDirectory();
        await using var server = await AccessTestServer.StartAsync(directory, new Dictionary<string, string?> { ["Access:PasswordIterations"] = "210000" });
        await server.SeedUserAsync("alice", [SiteRoles.Operator]);
        Assert.StartsWith("pbkdf2-sha512$100000$", (await server.Service<UserStore>().FindAsync("alice", Token))!.PasswordHash, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);

        Assert.StartsWith("pbkdf2-sha512$210000$", (await server.Service<UserStore>().FindAsync("alice", Token))!.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.LoginResponseAsync("alice", TestPasswords.Default)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.LoginResponseAsync("admin", server.AdminPassword)).StatusCode);
    }
}
