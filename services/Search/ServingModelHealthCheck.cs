using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VfeTps.Stream.Inference;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search;

/// <summary>
/// Whether search can answer: the serving model embeds a probe description into a finite, non-zero
/// vector (unhealthy otherwise), and the vector index holds that model's vectors (degraded while it
/// is being rebuilt for a new model: searches answer 503 then). Registered by
/// <see cref="SearchServiceCollectionExtensions.AddSearch"/> as <see cref="Name"/>, tagged "ready".
/// </summary>
public sealed class ServingModelHealthCheck(ServingModel model, IServiceScopeFactory scopes) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "search-model";

    private const string ProbeText = "a person walking";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string modelVersion;
        try
        {
            using var lease = model.Acquire();
            modelVersion = lease.ModelVersion;
            var vector = lease.TextEncoder.Embed(ProbeText);
            var norm = 0.0;
            foreach (var value in vector)
                norm += value * value;
            if (!double.IsFinite(norm) || norm == 0)
                return HealthCheckResult.Unhealthy($"The text tower of {modelVersion} gives an unusable embedding for a probe description.");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The serving model cannot embed a probe description.", error);
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var index = scope.ServiceProvider.GetRequiredService<IVectorIndex>();
            var data = new Dictionary<string, object> { ["modelVersion"] = modelVersion, ["index"] = index.Name };
            return string.Equals(index.Name, modelVersion, StringComparison.Ordinal)
                ? HealthCheckResult.Healthy($"Model {modelVersion} answers; its index is searched.", data)
                : HealthCheckResult.Degraded($"The index is being rebuilt for model {modelVersion} (it holds {index.Name}); searches answer 503 until then.", data: data);
        }
    }
}
