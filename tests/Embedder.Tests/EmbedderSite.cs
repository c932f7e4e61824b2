using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>
/// The Embedder as a host runs it: a generic Host with <c>AddEmbedder</c>, fed through a real
/// in-process crop stream, writing to a real embedded index and reading a real blob folder. The
/// dead-letter sink and the log are recording test doubles.
/// </summary>
internal sealed class EmbedderSite : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string?> QuickBatches = new Dictionary<string, string?>
    {
        ["Embedder:MaxBatchSize"] = "4",
        ["Embedder:MaxBatchDelay"] = "00:00:00.020",
    };

    private readonly TempDirectory _temp = new();

    private EmbedderSite()
    {
    }

    public IHost Host { get; private set; } = null!;

    public IVectorIndex Index { get; private set; } = null!;

    /// <summary>The real blob folder (also behind any double the site was given).</summary>
    public IBlobStore Blobs { get; private set; } = null!;

    public InProcessEventStream<PersonCropped> Crops { get; } = new(64);

    public InProcessEventStream<CropEmbedded> Embedded { get; } = new(1024);

    public RecordingDeadLetterSink DeadLetters { get; } = new();

    public RecordingLoggerProvider Log { get; } = new();

    /// <summary>Builds the host (not started).</summary>
    /// <param name="model">The shared real model.</param>
    /// <param name="settings">Configuration, e.g. "Embedder:MaxBatchSize"; <see cref="QuickBatches"/> by default.</param>
    /// <param name="wrapBlobs">Puts a test double in front of the real blob store.</param>
    public static async Task<EmbedderSite> CreateAsync(
        RealModel model,
        IReadOnlyDictionary<string, string?>? settings = null,
        Func<IBlobStore, IBlobStore>? wrapBlobs = null)
    {
        var site = new EmbedderSite();
        site.Index = await new EmbeddedVectorStore(site._temp.CreateSubdirectory("vectors"))
            .OpenAsync(model.ModelVersion, model.Dimension, TestContext.Current.CancellationToken);
        site.Blobs = new LocalFolderBlobStore(site._temp.PathOf("blobs"));

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings ?? QuickBatches);
        builder.Logging.AddProvider(site.Log);
        builder.Services.AddSingleton(model.Serving);
        builder.Services.AddSingleton(site.Index);
        builder.Services.AddSingleton(wrapBlobs?.Invoke(site.Blobs) ?? site.Blobs);
        builder.Services.AddSingleton<IEventSource<PersonCropped>>(site.Crops);
        builder.Services.AddSingleton<IEventPublisher<CropEmbedded>>(site.Embedded);
        builder.Services.AddSingleton<IDeadLetterSink>(site.DeadLetters);
        builder.Services.AddEmbedder(builder.Configuration);
        site.Host = builder.Build();
        return site;
    }

    /// <summary>Stores the crop's JPEG, then publishes its event as PersonCrop does.</summary>
    public async Task PublishAsync(PersonCropped crop, int seed)
    {
        await SyntheticCrops.StoreAsync(Blobs, crop, seed);
        await Crops.PublishAsync(crop, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await Host.StopAsync(stopping.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started (a start-up validation test).
        }

        Host.Dispose();
        await Index.DisposeAsync();
        _temp.Dispose();
    }
}
