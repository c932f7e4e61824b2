using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.PersonCrop.Cameras;
using VfeTps.Stream.PersonCrop.Stage;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>
/// PersonCrop in a real generic host, wired like the site: bounded in-process streams, a local-folder
/// blob store, the options from configuration. Frames go in, PersonCropped events come out.
/// </summary>
internal sealed class StageHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StageHost(IHost host, TempDirectory directory)
    {
        _host = host;
        Directory = directory;
    }

    public TempDirectory Directory { get; }

    public InProcessEventStream<FrameCaptured> Frames => _host.Services.GetRequiredService<InProcessEventStream<FrameCaptured>>();

    public InProcessEventStream<PersonCropped> Crops => _host.Services.GetRequiredService<InProcessEventStream<PersonCropped>>();

    public LocalFolderBlobStore Blobs => (LocalFolderBlobStore)_host.Services.GetRequiredService<IBlobStore>();

    public RecordingDeadLetterSink DeadLetters => (RecordingDeadLetterSink)_host.Services.GetRequiredService<IDeadLetterSink>();

    public PersonCropCameras Cameras => _host.Services.GetRequiredService<PersonCropCameras>();

    public IServiceProvider Services => _host.Services;

    public PersonCropStage Stage => _host.Services.GetServices<IHostedService>().OfType<PersonCropStage>().Single();

    public static async Task<StageHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default,
        int cropCapacity = 1000)
    {
        var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var services = builder.Services;
        services.AddSingleton(new InProcessEventStream<FrameCaptured>(8));
        services.AddSingleton<IEventSource<FrameCaptured>>(provider => provider.GetRequiredService<InProcessEventStream<FrameCaptured>>());
        services.AddSingleton(new InProcessEventStream<PersonCropped>(cropCapacity));
        services.AddSingleton<IEventPublisher<PersonCropped>>(provider => provider.GetRequiredService<InProcessEventStream<PersonCropped>>());
        services.AddSingleton<IBlobStore>(new LocalFolderBlobStore(directory.CreateSubdirectory("blobs")));
        services.AddSingleton<IDeadLetterSink, RecordingDeadLetterSink>();
        services.AddPersonCrop(builder.Configuration);
        configure?.Invoke(services);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            directory.Dispose();
            throw;
        }

        return new StageHost(host, directory);
    }

    /// <summary>Publishes frames in order (waiting when the frame stream is full, as FrameIngest does).</summary>
    public async Task PublishAsync(IEnumerable<FrameCaptured> frames, CancellationToken cancellationToken)
    {
        foreach (var frame in frames)
            await Frames.PublishAsync(frame, cancellationToken);
    }

    /// <summary>Ends the frame stream, waits for the stage to finish every camera, and returns all crops published.</summary>
    public async Task<List<PersonCropped>> FinishAsync(CancellationToken cancellationToken)
    {
        Frames.Complete();
        var stage = Stage;
        var finished = await Task.WhenAny(stage.ExecuteTask!, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken));
        Assert.True(finished == stage.ExecuteTask, "The stage did not finish within 60 s of the frame stream's end.");
        await stage.ExecuteTask!; // surfaces a crash
        Crops.Complete();
        var crops = new List<PersonCropped>();
        await foreach (var crop in Crops.ReadAllAsync(cancellationToken))
            crops.Add(crop);
        return crops;
    }

    /// <summary>Reads crops until one satisfies <paramref name="until"/> or the deadline passes (fails then).</summary>
    public async Task<List<PersonCropped>> ReadCropsUntilAsync(Func<PersonCropped, bool> until, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var crops = new List<PersonCropped>();
        try
        {
            await foreach (var crop in Crops.ReadAllAsync(timeout.Token))
            {
                crops.Add(crop);
                if (until(crop))
                    return crops;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        Assert.Fail($"No expected crop within {deadline.TotalSeconds} s; got {crops.Count}: {string.Join(", ", crops.Select(c => c.CropId))}.");
        return crops;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        Directory.Dispose();
    }
}
