using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using VfeTps.Stream.Search;
using VfeTps.Stream.WebApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the search API's services.</summary>
public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="Microsoft.AspNetCore.Builder.SearchEndpointRouteBuilderExtensions.MapSearchApi"/> needs: <see cref="SearchOptions"/>
    /// (section <c>Search</c> of <paramref name="configuration"/>, validated at start-up), the
    /// <see cref="SearchMetrics"/>, ProblemDetails, enums written as names in JSON answers, the OpenAPI
    /// document <c>v1</c> and the <see cref="ServingModelHealthCheck"/>. The host registers the rest: <c>ServingModel</c>,
    /// <c>IVectorIndex</c> (the serving model's collection; resolved per request, so a scoped or
    /// transient registration may follow the alias), <c>IBlobStore</c>, <c>ICameraDirectory</c>, <c>IAuditTrail</c>
    /// and the authentication, authorization and rate-limit policies of <c>AccessPolicies</c> (the access library).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration root.</param>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<SearchMetrics>();
        services.TryAddSingleton<SearchApiContext>();
        services.TryAddSingleton<RequestAudit>();
        services.AddProblemDetails();
        // Camera states and the like as names, not numbers: integrators read these answers.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<ServingModelHealthCheck>(ServingModelHealthCheck.Name, tags: ["ready"]);
        services.AddOpenApi(options => options.AddOperationTransformer<JsonRequestBodyTransformer>().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "VfeTps.Stream search API",
                Version = "v1",
                Description = "Text-based person search over live camera footage: search by description, filter by camera and time, "
                    + "one result per tracked person, crops and frames, \"more like this\", and the camera registry. "
                    + "The default model is trained on synthetic pedestrians only: on real footage it finds people but ranks them poorly.",
            };
            return Task.CompletedTask;
        }));
        return services;
    }
}
