using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// The admin role sees every camera (an administrator restricted to some cameras could lift the restriction or mint
/// an unrestricted key), and a key holds at most its creator's roles and cameras.
/// </summary>
public sealed class AdminScopeTests : AccessServerTest
{
    [Fact]
    public async Task Creating_a_camera_restricted_admin_is_400_naming_cameras()
    {
        var admin = await Server.LoginAsAdminAsync();

        var response = await Server.SendJsonAsync(
            HttpMethod.Post, "/api/users", new { name = "rex", password = "initial password 1", roles = new[] { "admin", "operator" }, cameras = new[] { "gate-a" } }, admin);

        Assert.Contains("every camera", Assert.Single((await response.ReadValidationErrorsAsync())["cameras"]), StringComparison.Ordinal);
        Assert.Null(await Server.Service<UserStore>().FindAsync("rex", Token));
    }

    [Theory]
    [InlineData("""{ "roles": ["admin"] }""")]
    [InlineData("""{ "roles": ["admin", "operator"], "cameras": ["gate-a", "gate-b"] }""")]
    public async Task Making_a_restricted_user_an_admin_without_lifting_the_restriction_is_400(string body)
    {
        await Server.SeedUserAsync("rita", [SiteRoles.Operator], cameras: ["gate-a"]);
        var admin = await Server.LoginAsAdminAsync();

        var errors = await (await Server.SendAsync(HttpMethod.Put, "/api/users/rita", admin, body)).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey("cameras"));
        Assert.Equal([SiteRoles.Operator], (await Server.Service<UserStore>().FindAsync("rita", Token))!.Roles);
    }

    [Fact]
    public async Task Restricting_an_admin_is_400_but_promoting_with_every_camera_is_fine()
    {
        await Server.SeedUserAsync("carol", [SiteRoles.Admin]);
        await Server.SeedUserAsync("rita", [SiteRoles.Operator], cameras: ["gate-a"]);
        var admin = await Server.LoginAsAdminAsync();

        var restricted = await Server.SendAsync(HttpMethod.Put, "/api/users/carol", admin, """{ "cameras": ["gate-a"] }""");
        var promoted = await (await Server.SendAsync(HttpMethod.Put, "/api/users/rita", admin, """{ "roles": ["admin"], "cameras": null }""")).ReadAsync<UserView>();

        Assert.True((await restricted.ReadValidationErrorsAsync()).ContainsKey("cameras"));
        Assert.Null((await Server.Service<UserStore>().FindAsync("carol", Token))!.Cameras);
        Assert.Equal([SiteRoles.Admin], promoted.Roles);
        Assert.Null(promoted.Cameras);
    }

    [Fact]
    public async Task A_camera_restricted_admin_key_is_400_naming_cameras()
    {
        var admin = await Server.LoginAsAdminAsync();

        var response = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "ops", roles = new[] { "admin" }, cameras = new[] { "gate-a" } }, admin);

        Assert.True((await response.ReadValidationErrorsAsync()).ContainsKey("cameras"));
        Assert.Empty(await Server.Service<ApiKeyStore>().ListAsync(Token));
    }

    [Fact]
    public async Task A_key_with_a_role_its_creator_lacks_is_400_naming_roles()
    {
        await Server.SeedUserAsync("ada", [SiteRoles.Admin, SiteRoles.Ml]);
        var ada = Credential.Session(await Server.LoginAsync("ada"));

        var refused = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "bridge", roles = new[] { "operator", "ml" } }, ada);
        var allowed = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "trainer", roles = new[] { "ml" }, cameras = new[] { "gate-a" } }, ada);

        Assert.Contains("operator", Assert.Single((await refused.ReadValidationErrorsAsync())["roles"]), StringComparison.Ordinal);
        Assert.Equal([SiteRoles.Ml], (await allowed.ReadAsync<CreatedKey>(HttpStatusCode.Created)).Key.Roles);
    }

    [Fact]
    public async Task A_restricted_creator_can_only_give_a_key_cameras_it_sees()
    {
        // Written before the admin-sees-every-camera rule: a restricted admin as it may still be stored.
        await Server.SeedUserAsync("rex", [SiteRoles.Admin, SiteRoles.Operator], cameras: ["gate-a"]);
        var rex = Credential.Session(await Server.LoginAsync("rex"));

        var everything = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "all", roles = new[] { "operator" } }, rex);
        var outside = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "other", roles = new[] { "operator" }, cameras = new[] { "gate-a", "gate-b" } }, rex);
        var inside = await Server.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "mine", roles = new[] { "operator" }, cameras = new[] { "gate-a" } }, rex);

        Assert.True((await everything.ReadValidationErrorsAsync()).ContainsKey("cameras"));
        Assert.Contains("gate-b", Assert.Single((await outside.ReadValidationErrorsAsync())["cameras"]), StringComparison.Ordinal);
        Assert.Equal(["gate-a"], (await inside.ReadAsync<CreatedKey>(HttpStatusCode.Created)).Key.Cameras);
        Assert.Single(await Server.Service<ApiKeyStore>().ListAsync(Token));
    }
}
