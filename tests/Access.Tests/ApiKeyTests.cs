using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>API keys: created by an admin with the secret shown once, stored only as a hash, refused once revoked or when their owner is disabled or deleted.</summary>
public sealed class ApiKeyTests : AccessServerTest
{
    [Fact]
    public async Task A_created_key_works_in_both_headers_and_is_listed_without_its_secret()
    {
        var admin = await Server.LoginAsAdminAsync();

        var response = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "VMS bridge", roles = new[] { "operator" }, cameras = new[] { "gate-a" } }, admin);

        var created = await response.ReadAsync<CreatedKey>(HttpStatusCode.Created);
        Assert.Equal($"/api/keys/{created.Key.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches("^vfk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.StartsWith($"vfk_{created.Key.Id}_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(("VMS bridge", "admin", null, null), (created.Key.Name, created.Key.Owner, created.Key.LastUsedAt, created.Key.RevokedAt));
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(created.Secret))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(created.Secret, viaXApiKeyHeader: true))).StatusCode);

        var listing = await (await Server.SendAsync(HttpMethod.Get, "/api/keys", admin)).ReadTextAsync();
        Assert.Contains(created.Key.Id, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret[17..], listing, StringComparison.Ordinal);
        var listed = Assert.Single(System.Text.Json.JsonSerializer.Deserialize<KeyView[]>(listing, ResponseReading.Json)!);
        Assert.Equal(Server.Time.GetUtcNow(), listed.LastUsedAt);
    }

    [Fact]
    public async Task The_secret_is_not_in_the_database_only_its_sha256()
    {
        var admin = await Server.LoginAsAdminAsync();
        var created = await (await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "exporter", roles = new[] { "ml" } }, admin))
            .ReadAsync<CreatedKey>(HttpStatusCode.Created);
        var secretText = created.Secret[17..];
        var secretBytes = Base64Url.DecodeFromChars(secretText);

        var stored = ReadDatabaseFiles();

        Assert.False(Contains(stored, Encoding.UTF8.GetBytes(secretText)), "The secret's text is in the database files.");
        Assert.False(Contains(stored, secretBytes), "The secret's bytes are in the database files.");
        Assert.True(Contains(stored, SHA256.HashData(secretBytes)), "The files read do not hold the key's row at all.");
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM access_api_keys";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray();
        Assert.DoesNotContain(columns, value => value is string text && text.Contains(secretText, StringComparison.Ordinal));
        Assert.Contains(columns, value => value is byte[] bytes && bytes.SequenceEqual(SHA256.HashData(secretBytes)));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_stays_listed_with_its_revocation_time()
    {
        var admin = await Server.LoginAsAdminAsync();
        var created = await (await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "old", roles = new[] { "operator" } }, admin))
            .ReadAsync<CreatedKey>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(created.Secret))).StatusCode);
        Server.Time.Advance(TimeSpan.FromMinutes(3));

        var revoked = await Server.SendAsync(HttpMethod.Delete, $"/api/keys/{created.Key.Id}", admin);
        var again = await Server.SendAsync(HttpMethod.Delete, $"/api/keys/{created.Key.Id}", admin);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(created.Secret))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var listed = Assert.Single(await (await Server.SendAsync(HttpMethod.Get, "/api/keys", admin)).ReadAsync<KeyView[]>());
        Assert.Equal(Server.Time.GetUtcNow(), listed.RevokedAt);
        Assert.Single(Server.Audit.Of(Contracts.Audit.AuditActions.KeyRevoked));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404_and_a_malformed_id_400()
    {
        var admin = await Server.LoginAsAdminAsync();

        await (await Server.SendAsync(HttpMethod.Delete, "/api/keys/abcdefghijkm", admin)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.True((await (await Server.SendAsync(HttpMethod.Delete, "/api/keys/ABC'--", admin)).ReadValidationErrorsAsync()).ContainsKey("id"));
    }

    [Fact]
    public async Task A_key_stops_working_when_its_owner_is_disabled_and_works_again_when_enabled()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Operator]);
        var (_, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator]);
        var admin = await Server.LoginAsAdminAsync();

        await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/olga", new { disabled = true }, admin)).ReadAsync<UserView>();
        var whileDisabled = await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(secret));
        await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/olga", new { disabled = false }, admin)).ReadAsync<UserView>();
        var afterwards = await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(secret));

        await whileDisabled.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_owner_revokes_their_keys_for_good()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Operator]);
        var (id, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator]);
        var admin = await Server.LoginAsAdminAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Server.SendAsync(HttpMethod.Delete, "/api/users/olga", admin)).StatusCode);
        // A new user of the same name does not bring the old key back.
        await Server.SeedUserAsync("olga", [SiteRoles.Admin]);

        await (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(secret))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var listed = Assert.Single(await (await Server.SendAsync(HttpMethod.Get, "/api/keys", admin)).ReadAsync<KeyView[]>(), key => key.Id == id);
        Assert.NotNull(listed.RevokedAt);
    }

    [Theory]
    [InlineData("Bearer vfk_short")]
    [InlineData("Bearer vfk_abcdefghijkm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x")]
    public async Task A_malformed_unknown_or_foreign_authorization_is_401(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/any");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await Server.Client.SendAsync(request, Token);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_right_id_with_a_wrong_secret_is_401()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin]);
        var (id, _) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator]);

        var forged = ApiKeyFormat.Format(id, new byte[ApiKeyFormat.SecretBytes]);

        await (await Server.SendAsync(HttpMethod.Get, "/test/any", Credential.Key(forged))).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_key_with_the_admin_role_creates_keys_owned_by_its_owner()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Ml]);
        var (_, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Admin, SiteRoles.Ml]);

        var created = await (await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "child", roles = new[] { "ml" } }, Credential.Key(secret)))
            .ReadAsync<CreatedKey>(HttpStatusCode.Created);

        Assert.Equal("olga", created.Key.Owner);
    }

    private byte[] ReadDatabaseFiles()
    {
        var bytes = new List<byte>();
        foreach (var path in new[] { Server.Database.FilePath, Server.Database.FilePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes.AddRange(copy.ToArray());
        }

        Assert.NotEmpty(bytes);
        return [.. bytes];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
