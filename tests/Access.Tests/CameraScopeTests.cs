using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>The camera restriction of users and keys reaches the principal as claims the services read through <c>CameraScope()</c>.</summary>
public sealed class CameraScopeTests : AccessServerTest
{
    [Fact]
    public async Task A_restricted_user_has_one_camera_claim_per_camera_and_no_all_cameras_claim()
    {
        await Server.SeedUserAsync("rita", [SiteRoles.Operator], cameras: ["gate-b", "gate-a"]);
        var session = Credential.Session(await Server.LoginAsync("rita"));

        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/any", session)).ReadAsync<ClaimsView>();
        var me = await (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", session)).ReadAsync<MeResponse>();

        Assert.False(claims.AllCameras);
        Assert.Equal(["gate-a", "gate-b"], claims.Cameras);
        Assert.False(claims.ScopeIsEverything);
        Assert.Equal(["gate-a", "gate-b"], claims.ScopeCameras);
        Assert.Equal(["gate-a", "gate-b"], me.Cameras);
        Assert.Equal(("user:rita", "rita", "session"), (me.Id, me.Name, me.Method));
    }

    [Fact]
    public async Task An_unrestricted_user_has_the_all_cameras_claim()
    {
        var session = await Server.SessionOfNewUserAsync("una", SiteRoles.Operator);

        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/any", session)).ReadAsync<ClaimsView>();
        var me = await (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", session)).ReadAsync<MeResponse>();

        Assert.True(claims.AllCameras);
        Assert.Empty(claims.Cameras);
        Assert.True(claims.ScopeIsEverything);
        Assert.Null(me.Cameras);
    }

    [Fact]
    public async Task An_empty_camera_list_allows_no_camera()
    {
        await Server.SeedUserAsync("nils", [SiteRoles.Integrator], cameras: []);
        var session = Credential.Session(await Server.LoginAsync("nils"));

        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/any", session)).ReadAsync<ClaimsView>();

        Assert.False(claims.AllCameras);
        Assert.False(claims.ScopeIsEverything);
        Assert.Empty(claims.ScopeCameras);
    }

    [Fact]
    public async Task A_key_carries_its_own_cameras_and_names_its_owner()
    {
        await Server.SeedUserAsync("olga", [SiteRoles.Admin, SiteRoles.Operator, SiteRoles.Integrator]);
        var (id, secret) = await Server.SeedKeyAsync("olga", [SiteRoles.Operator, SiteRoles.Integrator], cameras: ["dock-1"], name: "vms bridge");

        var claims = await (await Server.SendAsync(HttpMethod.Get, "/test/any", Credential.Key(secret, viaXApiKeyHeader: true))).ReadAsync<ClaimsView>();
        var me = await (await Server.SendAsync(HttpMethod.Get, "/api/auth/me", Credential.Key(secret))).ReadAsync<MeResponse>();

        Assert.Equal(($"key:{id}", "vms bridge", "api-key", "olga"), (claims.Id, claims.Name, claims.Method, claims.Owner));
        Assert.Equal([SiteRoles.Operator, SiteRoles.Integrator], claims.Roles);
        Assert.Equal(["dock-1"], claims.Cameras);
        Assert.False(claims.AllCameras);
        Assert.Equal(($"key:{id}", "api-key", false), (me.Id, me.Method, me.MustChangePassword));
    }

    [Fact]
    public async Task A_camera_change_applies_to_the_next_request()
    {
        await Server.SeedUserAsync("pia", [SiteRoles.Operator], cameras: ["gate-a"]);
        var session = Credential.Session(await Server.LoginAsync("pia"));
        var admin = await Server.LoginAsAdminAsync();

        await (await Server.SendAsync(HttpMethod.Put, "/api/users/pia", admin, """{ "cameras": null }""")).ReadAsync<UserView>();

        Assert.True((await (await Server.SendAsync(HttpMethod.Get, "/test/any", session)).ReadAsync<ClaimsView>()).AllCameras);
    }
}
