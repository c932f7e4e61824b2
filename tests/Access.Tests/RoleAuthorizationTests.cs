using System.Net;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Each role policy admits that role only, by session and by API key; the fallback and "authenticated" policies admit any principal.</summary>
public sealed class RoleAuthorizationTests : AccessServerTest
{
    public static TheoryData<string, string> RolesAndMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in SiteRoles.All)
        {
            data.Add(role, "session");
            data.Add(role, "key");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndMethods))]
    public async Task A_role_policy_answers_401_without_credentials_403_for_other_roles_and_200_for_the_role(string role, string method)
    {
        var path = $"/test/{role}";
        var otherRoles = SiteRoles.All.Where(other => other != role).ToArray();
        var holder = await CredentialAsync("holder", [role], method);
        var other = await CredentialAsync("other", otherRoles, method);

        var anonymous = await Server.SendAsync(HttpMethod.Get, path);
        var refused = await Server.SendAsync(HttpMethod.Get, path, other);
        var admitted = await Server.SendAsync(HttpMethod.Get, path, holder);

        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(anonymous.Headers.Location);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains($"role {role}", problem.Detail, StringComparison.Ordinal);
        var claims = await admitted.ReadAsync<ClaimsView>();
        Assert.Equal([role], claims.Roles);
        Assert.Equal(method == "session" ? AuthenticationMethods.Session : AuthenticationMethods.ApiKey, claims.Method);
    }

    [Theory]
    [InlineData("/test/any")]
    [InlineData("/test/authenticated")]
    public async Task Routes_without_a_role_need_any_authenticated_principal(string path)
    {
        var session = await Server.SessionOfNewUserAsync("ivy", SiteRoles.Ml);
        var (_, secret) = await Server.SeedKeyAsync("ivy", [SiteRoles.Integrator]);

        await (await Server.SendAsync(HttpMethod.Get, path)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("user:ivy", (await (await Server.SendAsync(HttpMethod.Get, path, session)).ReadAsync<ClaimsView>()).Id);
        Assert.StartsWith("key:", (await (await Server.SendAsync(HttpMethod.Get, path, Credential.Key(secret))).ReadAsync<ClaimsView>()).Id, StringComparison.Ordinal);
        Assert.Equal("open", await (await Server.SendAsync(HttpMethod.Get, "/test/public")).ReadTextAsync());
    }

    [Fact]
    public async Task A_401_says_how_to_authenticate_and_never_redirects()
    {
        var response = await Server.SendAsync(HttpMethod.Get, "/api/users");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("api/auth/login", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_next_request_of_a_live_session_and_key()
    {
        var session = await Server.SessionOfNewUserAsync("jo", SiteRoles.Operator);
        var (_, secret) = await Server.SeedKeyAsync("jo", [SiteRoles.Operator]);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/test/operator", session)).StatusCode);

        var admin = await Server.LoginAsAdminAsync();
        await (await Server.SendJsonAsync(HttpMethod.Put, "/api/users/jo", new { roles = new[] { SiteRoles.Ml } }, admin)).ReadAsync<UserView>();

        Assert.Equal(HttpStatusCode.Forbidden, (await Server.SendAsync(HttpMethod.Get, "/test/operator", session)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server.SendAsync(HttpMethod.Get, "/test/ml", session)).StatusCode);
        // A key never holds more than its owner holds now: the demotion narrows it at once.
        Assert.Equal(HttpStatusCode.Forbidden, (await Server.SendAsync(HttpMethod.Get, "/test/operator", Credential.Key(secret))).StatusCode);
    }

    private async Task<Credential> CredentialAsync(string name, string[] roles, string method)
    {
        if (method == "session")
            return await Server.SessionOfNewUserAsync(name, roles);
        // A key holds only its own roles, even when its owner holds every role.
        await Server.SeedUserAsync(name, SiteRoles.All);
        var (_, secret) = await Server.SeedKeyAsync(name, roles);
        return Credential.Key(secret);
    }
}
