using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// An API key never holds more than its owner holds now: its roles are those it was given that the owner still
/// has, its cameras those both may see. Demoting or restricting the owner narrows their keys at the next request.
/// </summary>
public sealed class KeyOwnerBoundsTests : AccessServerTest
{
    [Fact]
    public async Task A_demoted_owners_admin_key_loses_admin_at_once()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Operator]);
        var (_, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Admin, SiteRoles.Operator]);
        var key = Credential.Key(secret);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/api/users", key)).StatusCode);
        var admin = await Server.LoginAsAdminAsync();

        await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/olga", new { roles = new[] { SiteRoles.Operator } }, admin)).ReadAsync<UserView>();

        await (await Server.SendAsync(HttpMethod.Get, "/api/users", key)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await Server.SendAsync(HttpMethod.Post, "/api/keys", key, """{ "name": "escape", "roles": ["admin"] }""")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/operator", key)).ReadAsync<ClaimsView>();
        Assert.Equal([SiteRoles.Operator], claims.Roles);
        // The key is still listed with what it was given; in use it holds only what its owner holds.
        var listed = Assert.Single(await (await Server.SendAsync(HttpMethod.Get, "/api/keys", admin)).ReadAsync<KeyView[]>());
        Assert.Equal([SiteRoles.Operator, SiteRoles.Admin], listed.Roles);
    }

    [Fact]
    public async Task A_restricted_owners_all_camera_key_is_restricted_to_the_owners_cameras()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Operator]);
        var (_, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator], cameras: null);
        var key = Credential.Key(secret);
        Assert.True((await (await Server.SendAsync(HttpMethod.Get, "/test/any", key)).ReadAsync<ClaimsView>()).ScopeIsEverything);
        var admin = await Server.LoginAsAdminAsync();

        await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/olga", new { cameras = new[] { "gate-a" } }, admin)).ReadAsync<UserView>();

        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/any", key)).ReadAsync<ClaimsView>();
        var me = await (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", key)).ReadAsync<MeResponse>();
        Assert.False(claims.AllCameras);
        Assert.False(claims.ScopeIsEverything);
        Assert.Equal(["gate-a"], claims.ScopeCameras);
        Assert.Equal(["gate-a"], me.Cameras);
    }

    [Fact]
    public async Task A_restricted_key_of_a_restricted_owner_sees_only_the_cameras_both_may_see()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Operator], cameras: ["gate-b", "gate-c"]);
        var (_, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator], cameras: ["gate-a", "gate-b"]);

        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/any", Credential.Key(secret))).ReadAsync<ClaimsView>();

        Assert.Equal(["gate-b"], claims.ScopeCameras);
        Assert.False(claims.AllCameras);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, "a,b", "a,b")]
    [InlineData("a,b", null, "a,b")]
    [InlineData("a,b", "b,c", "b")]
    [InlineData("a", "b", "")]
    public void Camera_lists_intersect_with_null_meaning_every_camera(string? key, string? owner, string? expected)
    {
        var both = SitePrincipalFactory.IntersectCameras(Split(key), Split(owner));

        Assert.Equal(Split(expected), both);
    }

    private static string[]? Split(string? cameras) => cameras?.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
