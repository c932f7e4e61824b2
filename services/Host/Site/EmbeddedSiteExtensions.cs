using MassTransit;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;
using VfeTps.Stream.Watchlists;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// The embedded deployment: all four services in this process, events over bounded in-process
/// streams, control messages over MassTransit's in-memory transport, SQLite for metadata, a local
/// folder for crops and frames, the embedded vector index, and the model bundle from the options.
/// </summary>
public static class EmbeddedSiteExtensions
{
    public static WebApplicationBuilder AddEmbeddedSite(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.SectionName)).ValidateDataAnnotations()
            .Validate(options => !TrustedProxies.Problems(options).Any(), "Site:TrustedProxies must list IP addresses only.")
            .ValidateOnStart();
        services.AddTrustedProxies();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SitePaths>();

        services.AddSingleton(provider => new SiteDatabase(provider.GetRequiredService<SitePaths>().DatabaseFile));
        services.AddSingleton<IBlobStore>(provider => new LocalFolderBlobStore(provider.GetRequiredService<SitePaths>().BlobDirectory));
        services.AddSingleton<SqliteDeadLetterStore>();
        services.AddSingleton<IDeadLetterSink>(provider => provider.GetRequiredService<SqliteDeadLetterStore>());

        services.AddInProcessEventStream<FrameCaptured>(options => options.FrameStreamCapacity);
        services.AddInProcessEventStream<PersonCropped>(options => options.CropStreamCapacity);
        services.AddInProcessEventStream<CropEmbedded>(options => options.EmbeddedStreamCapacity);

        AddModelAndIndex(services, configuration);

        services.AddAuditTrail(configuration);
        services.AddSiteAccess(configuration);
        services.AddHostedService<ServingModelAudit>();

        // Every CropEmbedded goes to the latency meter and to the watchlists (each has its own stream).
        services.AddWatchlists(configuration);
        services.Replace(ServiceDescriptor.Singleton<IEventPublisher<CropEmbedded>>(provider => new FanOutPublisher<CropEmbedded>(
            provider.GetRequiredService<InProcessEventStream<CropEmbedded>>(),
            provider.GetRequiredService<WatchlistCropFeed>())));

        // The bus first: its hosted service then starts before the services that publish on it and stops after them.
        services.AddMassTransit(bus =>
        {
            bus.AddFrameIngestConsumers();
            bus.AddPersonCropConsumers();
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });

        services.AddFrameIngest(configuration);
        services.AddPersonCrop(configuration);
        services.AddEmbedder(configuration);
        services.AddSearch(configuration);
        services.AddSingleton<PipelineLatency>();
        services.AddHostedService(provider => provider.GetRequiredService<PipelineLatency>());
        services.AddHostedService<RetentionService>();
        services.AddDemoCameras(configuration);
        services.AddHostedService<StartupBanner>();

        // Last, so that it is stopped first, while the stages still run.
        services.AddHostedService<PipelineDrain>();

        services.AddHealthChecks().AddCheck<VfeTps.Stream.FrameIngest.FrameIngestHealthCheck>("frame-ingest");
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("VfeTps.Stream.*")
            .AddPrometheusExporter());
        return builder;
    }

    private static void AddModelAndIndex(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>().Bind(configuration.GetSection(InferenceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        services.AddSingleton<ModelBundleLoader>();
        services.AddSingleton(provider => new ServingModel(
            provider.GetRequiredService<ModelBundleLoader>(),
            provider.GetRequiredService<SitePaths>().ModelBundle,
            provider.GetRequiredService<ILogger<ServingModel>>()));
        services.AddSingleton<IVectorStore>(provider => new EmbeddedVectorStore(
            provider.GetRequiredService<SitePaths>().VectorDirectory,
            provider.GetRequiredService<ILogger<EmbeddedVectorStore>>()));

        // One collection per model version; this process serves one model, so it opens that model's collection.
        services.AddSingleton(provider =>
        {
            var model = provider.GetRequiredService<ServingModel>();
            using var lease = model.Acquire();
            return provider.GetRequiredService<IVectorStore>()
                .OpenAsync(lease.ModelVersion, lease.ImageEncoder.EmbeddingSize, CancellationToken.None)
                .GetAwaiter().GetResult();
        });
    }

    /// <summary>
    /// Forwarded headers (from trusted proxies only), authentication, authorization and rate limits
    /// first; then /healthz (anonymous, status only), /metrics (Prometheus text format, for
    /// <see cref="SiteOperations"/>), and the access, audit, search, watchlist and site APIs and the UI.
    /// </summary>
    public static WebApplication MapEmbeddedSite(this WebApplication app)
    {
        // With no known proxy the middleware would believe every sender: only when proxies are named.
        if (app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.TrustedProxies.Count > 0)
            app.UseForwardedHeaders();
        app.UseSiteAccess();
        // Load balancers probe without credentials; the answer is the status word only.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteStatusOnlyAsync }).AllowAnonymous();
        // Series are tagged by camera: for those who run the site and see every camera.
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(SiteOperations.Policy);
        app.MapAccessApi();
        app.MapAuditApi();
        app.MapSearchApi();
        app.MapWatchlistApi();
        app.MapSiteApi();
        app.MapControlRoomUi();
        return app;
    }

    private static Task WriteStatusOnlyAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
