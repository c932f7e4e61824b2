using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VfeTps.Stream.Access.Tests;

/// <summary>What <c>AddSiteAccess</c> and <c>MapAccessApi</c> register, as the host and the OpenAPI document see it.</summary>
public sealed class RegistrationTests : AccessServerTest
{
    [Fact]
    public void The_defaults_are_the_console_writer_and_the_system_clock_and_the_hosts_own_are_kept()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var defaults = new ServiceCollection().AddSiteAccess(configuration).BuildServiceProvider();
        var own = new CapturingCredentialWriterForTests();
        var services = new ServiceCollection();
        services.AddSingleton<IBootstrapCredentialWriter>(own);
        services.AddSingleton(TimeProvider.System);
        using var custom = services.AddSiteAccess(configuration).BuildServiceProvider();

        Assert.IsType<ConsoleBootstrapCredentialWriter>(defaults.GetRequiredService<IBootstrapCredentialWriter>());
        Assert.Same(TimeProvider.System, defaults.GetRequiredService<TimeProvider>());
        Assert.Same(own, custom.GetRequiredService<IBootstrapCredentialWriter>());
    }

    [Fact]
    public void Every_access_route_has_a_unique_name_a_summary_and_the_access_tag()
    {
        var endpoints = Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToArray();

        Assert.Equal(11, endpoints.Length);
        Assert.All(endpoints, endpoint =>
        {
            Assert.False(string.IsNullOrEmpty(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName), endpoint.DisplayName);
            Assert.False(string.IsNullOrEmpty(endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary), endpoint.DisplayName);
            Assert.Contains("Access", endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? []);
        });
        Assert.Equal(11, endpoints.Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Distinct(StringComparer.Ordinal).Count());
    }
}
