using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// A login for a user name that does not exist is recorded without the name (it may be a password typed in the
/// wrong field): target "(unknown user)" and a keyed hash of the lower-cased name, so that repeated attempts on one
/// name still correlate. Names of existing users stay as the target.
/// </summary>
public sealed class UnknownUserNameTests : AccessServerTest
{
    [Fact]
    public async Task An_unknown_name_is_kept_only_as_a_keyed_hash_that_repeats_for_the_same_name()
    {
        await Server.SeedUserAsync("alice", [SiteRoles.Operator]);

        await Server.LoginResponseAsync("Hunter2-Summer", "guessing a password");
        await Server.LoginResponseAsync("hunter2-summer", "guessing again now");
        await Server.LoginResponseAsync("mallory", "guessing a password");
        await Server.LoginResponseAsync("alice", "not alices password");

        var failed = Server.Audit.Of(AuditActions.LoginFailed);
        Assert.Equal([UnknownUserNames.Target, UnknownUserNames.Target, UnknownUserNames.Target, "alice"], failed.Select(record => record.Target));
        var hashes = failed.Take(3).Select(record => record.Detail[UnknownUserNames.HashDetail]).ToArray();
        Assert.All(hashes, hash => Assert.Matches("^[0-9a-f]{16}$", hash));
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.False(failed[3].Detail.ContainsKey(UnknownUserNames.HashDetail));
        Assert.Equal("wrong-password", failed[3].Detail["reason"]);
        var everything = JsonSerializer.Serialize(Server.Audit.Records);
        Assert.DoesNotContain("hunter2", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mallory", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hash_is_an_hmac_under_a_random_key_kept_in_the_access_tables()
    {
        await Server.LoginResponseAsync("mallory", "guessing a password");

        var key = StoredKey(Server);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("mallory")))[..16];
        Assert.Equal(32, key.Length);
        Assert.Equal(expected, Assert.Single(Server.Audit.Of(AuditActions.LoginFailed)).Detail[UnknownUserNames.HashDetail]);
        // Not a plain hash anyone could compute from a guessed name.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mallory")))[..16], expected);
    }

    [Fact]
    public async Task Another_site_hashes_the_same_name_differently_and_a_restart_keeps_the_key()
    {
        var here = Server.Service<UnknownUserNames>().HashOf("mallory");
        using var otherDirectory = new TempDirectory();
        await using (var other = await AccessTestServer.StartAsync(otherDirectory))
            Assert.NotEqual(here, other.Service<UnknownUserNames>().HashOf("mallory"));

        // A second server over this site's database (a restart) finds the same key.
        await using var restarted = await AccessTestServer.StartAsync(Directory);
        Assert.Equal(here, restarted.Service<UnknownUserNames>().HashOf("MALLORY"));
    }

    private static byte[] StoredKey(AccessTestServer server)
    {
        using var connection = server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT secret FROM access_site_keys";
        return (byte[])command.ExecuteScalar()!;
    }
}
