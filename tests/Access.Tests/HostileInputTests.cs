using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Hostile names, roles, cameras and bodies are answered 400 (or 413/415) and leave the database as it was.</summary>
public sealed class HostileInputTests : AccessServerTest
{
    public static TheoryData<string> HostileNames() =>
    [
        new string('a', 65),
        new string('a', 5000),
        "Ädmin",
        "bob\u202Eevil",
        "robert'); DROP TABLE access_users;--",
        "x' OR '1'='1",
        "bob\n",
        "bob\r\nSet-Cookie: x=y",
        "bob\u0000admin",
        "Bob",
        "-bob",
        "../etc/passwd",
        "bob admin",
        "",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_hostile_user_name_is_400_naming_the_field_and_nothing_is_stored(string name)
    {
        var admin = await Server.LoginAsAdminAsync();
        var body = System.Text.Json.JsonSerializer.Serialize(new { name, password = "initial password 1", roles = new[] { "operator" } });

        var created = await Server.SendAsync(HttpMethod.Post, "/api/users", admin, body);
        var login = await Server.SendAsync(HttpMethod.Post, "/api/auth/login", json: System.Text.Json.JsonSerializer.Serialize(new { username = name, password = "initial password 1" }));

        Assert.True((await created.ReadValidationErrorsAsync()).ContainsKey("name"));
        // A name that lower-cases to a valid one ("Bob") is looked up and not found; every other one is refused unread.
        Assert.Contains(login.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        await AssertDatabaseIntactAsync(admin);
    }

    [Theory]
    [InlineData("robert'); DROP TABLE access_users;--")]
    [InlineData("Ädmin")]
    [InlineData("%00")]
    public async Task A_hostile_user_name_in_the_path_is_400(string name)
    {
        var admin = await Server.LoginAsAdminAsync();
        var path = $"/api/users/{Uri.EscapeDataString(name)}";

        var updated = await Server.SendAsync(HttpMethod.Put, path, admin, """{ "disabled": true }""");
        var deleted = await Server.SendAsync(HttpMethod.Delete, path, admin);

        Assert.True((await updated.ReadValidationErrorsAsync()).ContainsKey("name"));
        Assert.True((await deleted.ReadValidationErrorsAsync()).ContainsKey("name"));
        await AssertDatabaseIntactAsync(admin);
    }

    [Theory]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["superuser"] }""", "roles")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["admin'--"] }""", "roles")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": [] }""", "roles")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": [null] }""", "roles")]
    [InlineData("""{ "name": "bob", "password": "initial password 1" }""", "roles")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["operator"], "cameras": ["Gate A"] }""", "cameras")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["operator"], "cameras": ["gate-a,gate-b"] }""", "cameras")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["operator"], "cameras": [null] }""", "cameras")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["operator"], "cameras": "gate-a" }""", "cameras")]
    [InlineData("""{ "name": "bob", "password": "short", "roles": ["operator"] }""", "password")]
    [InlineData("""{ "name": "bob", "password": "with a\u0000null inside", "roles": ["operator"] }""", "password")]
    [InlineData("""{ "name": "bob", "password": "lone surrogate \ud800 here", "roles": ["operator"] }""", "password")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["operator"], "isAdmin": true }""", "isAdmin")]
    [InlineData("""{ "name": "bob", "password": "initial password 1", "roles": ["operator"] """, "body")]
    [InlineData("""null""", "body")]
    public async Task A_hostile_user_body_is_400_naming_the_field(string body, string field)
    {
        var admin = await Server.LoginAsAdminAsync();

        var errors = await (await Server.SendAsync(HttpMethod.Post, "/api/users", admin, body)).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey(field), $"No error for '{field}': {string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(" ", error.Value)}"))}");
        await AssertDatabaseIntactAsync(admin);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("bridge\u202Egnp.exe")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("line\nbreak")]
    [InlineData("nul\u0000byte")]
    public async Task A_hostile_key_name_is_400_and_no_key_is_made(string name)
    {
        var admin = await Server.LoginAsAdminAsync();

        var response = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name, roles = new[] { "operator" } }, admin);

        Assert.True((await response.ReadValidationErrorsAsync()).ContainsKey("name"));
        Assert.Empty(await (await Server.SendAsync(HttpMethod.Get, "/api/keys", admin)).ReadAsync<KeyView[]>());
    }

    [Fact]
    public async Task An_overlong_key_name_is_400_but_unicode_names_are_fine()
    {
        var admin = await Server.LoginAsAdminAsync();

        var overlong = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = new string('k', 101), roles = new[] { "operator" } }, admin);
        var unicode = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "Kamera Süd – Zugang 🚪", roles = new[] { "operator" } }, admin);

        Assert.True((await overlong.ReadValidationErrorsAsync()).ContainsKey("name"));
        Assert.Equal("Kamera Süd – Zugang 🚪", (await unicode.ReadAsync<CreatedKey>(HttpStatusCode.Created)).Key.Name);
    }

    [Fact]
    public async Task Non_json_bodies_are_415_and_oversized_ones_413()
    {
        var admin = await Server.LoginAsAdminAsync();
        var oversized = $$"""{ "name": "bob", "password": "initial password 1", "roles": ["operator"], "cameras": [{{string.Join(",", Enumerable.Repeat("\"gate-a\"", 2000))}}] }""";

        await (await Server.SendAsync(HttpMethod.Post, "/api/users", admin, "name=bob", "application/x-www-form-urlencoded")).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await Server.SendAsync(HttpMethod.Post, "/api/keys", admin, "name=k", "text/plain")).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await Server.SendAsync(HttpMethod.Post, "/api/users", admin, oversized)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertDatabaseIntactAsync(admin);
    }

    [Fact]
    public async Task A_hostile_session_cookie_or_api_key_is_just_401()
    {
        foreach (var credential in new[]
        {
            Credential.Session("' OR 1=1 --"),
            Credential.Session(new string('x', 10_000)),
            Credential.Key("vfk_' OR 1=1 --_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Credential.Key(new string('v', 10_000), viaXApiKeyHeader: true),
        })
        {
            await (await Server.SendAsync(HttpMethod.Get, "/test/any", credential)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>The tables are there, "admin" is the only user and still signs in.</summary>
    private async Task AssertDatabaseIntactAsync(Credential admin)
    {
        var users = await (await Server.SendAsync(HttpMethod.Get, "/api/users", admin)).ReadAsync<UserView[]>();
        Assert.Equal(["admin"], users.Select(user => user.Name));
        Assert.Equal(SiteRoles.All, users[0].Roles);
        using var connection = Server.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('access_users', 'access_sessions', 'access_api_keys')";
        Assert.Equal(3L, (long)command.ExecuteScalar()!);
    }
}
