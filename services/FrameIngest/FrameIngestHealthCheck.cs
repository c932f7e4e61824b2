using Microsoft.Extensions.Diagnostics.HealthChecks;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest;

/// <summary>
/// Degraded while some cameras are reconnecting (the others still stream); healthy otherwise. The
/// data holds the number of cameras in each state. Register it with
/// <c>services.AddHealthChecks().AddCheck&lt;FrameIngestHealthCheck&gt;("frame-ingest")</c>.
/// </summary>
public sealed class FrameIngestHealthCheck(ICameraHealthSource cameras) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = cameras.Snapshot();
        var data = Enum.GetValues<CameraState>().ToDictionary(
            state => state.ToString(), state => (object)snapshot.Count(camera => camera.Value.State == state));
        var reconnecting = snapshot.Where(camera => camera.Value.State == CameraState.Reconnecting).Select(camera => camera.Key).Order(StringComparer.Ordinal).ToList();
        if (reconnecting.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{snapshot.Count} cameras, none reconnecting.", data));
        }

        var named = string.Join(", ", reconnecting.Take(10)) + (reconnecting.Count > 10 ? ", …" : string.Empty);
        return Task.FromResult(HealthCheckResult.Degraded($"{reconnecting.Count} of {snapshot.Count} cameras are reconnecting: {named}.", data: data));
    }
}
