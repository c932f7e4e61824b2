using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Host.Site;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// Waits until unlooped file cameras have been read to the end and everything they produced is
/// searchable: every camera Ended, no frame or crop waiting, and as many crops indexed as were
/// stored, the same on two polls in a row (a crop in flight changes one of them). Only the given
/// cameras are waited for when ids are given (a broken camera never ends).
/// </summary>
internal static class SiteDrain
{
    public static async Task WaitAsync(SiteFactory site, string dataDirectory, TimeSpan deadline, IReadOnlyCollection<string>? cameraIds = null)
    {
        var cameras = site.Services.GetRequiredService<ICameraDirectory>();
        var frames = site.Services.GetRequiredService<IEventSource<FrameCaptured>>();
        var crops = site.Services.GetRequiredService<IEventSource<PersonCropped>>();
        var latency = site.Services.GetRequiredService<PipelineLatency>();
        var cropFolder = Path.Combine(dataDirectory, "blobs", "crops");
        string? previous = null;
        var state = "";
        await Eventually.HoldsAsync(async () =>
        {
            var views = (await cameras.ListAsync(TestContext.Current.CancellationToken)).Where(v => cameraIds is null || cameraIds.Contains(v.Id)).ToList();
            var stored = Directory.Exists(cropFolder) ? Directory.GetFiles(cropFolder, "*.jpg").Length : 0;
            state = $"cameras [{string.Join(", ", views.Select(v => $"{v.Id}: {v.Health.State} {v.Health.LastError}"))}], "
                + $"{frames.Backlog} frames and {crops.Backlog} crops waiting, {latency.Indexed} indexed of {stored} stored";
            var drained = views.All(v => v.Health.State == CameraState.Ended) && frames.Backlog == 0 && crops.Backlog == 0
                && stored > 0 && latency.Indexed == stored;
            var settled = drained && state == previous;
            previous = drained ? state : null;
            return settled;
        }, deadline, () => $"the site did not drain: {state}");
    }
}
