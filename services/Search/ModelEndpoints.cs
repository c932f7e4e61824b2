using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Inference;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search;

/// <summary><c>GET /api/model</c>: which model serves, how it scored, and whether the index is ready for it.</summary>
internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/model", GetModelAsync)
            .WithName("GetModel")
            .WithTags("Model")
            .WithSummary("The serving model: version, recorded evaluation metrics, and the index it searches")
            .WithDescription("The evaluation split names say what data each score was measured on (e.g. synthpedes-test: synthetic pedestrians only).");

    private static async Task<Ok<ModelInfo>> GetModelAsync(
        [FromServices] ServingModel model, [FromServices] IVectorIndex index, [FromServices] SearchApiContext context, CancellationToken cancellationToken)
    {
        var points = await index.CountAsync(cancellationToken).ConfigureAwait(false);
        using var lease = model.Acquire();
        var manifest = lease.Manifest;
        return TypedResults.Ok(new ModelInfo(
            lease.ModelVersion,
            manifest.Created,
            manifest.EmbeddingSize,
            lease.Bundle.ExecutionProvider.ToString(),
            manifest.Image.Width,
            manifest.Image.Height,
            manifest.Text.ContextLength,
            Math.Min(context.Options.MaxQueryCharacters, lease.TextEncoder.MaxQueryCharacters),
            manifest.Evaluation,
            manifest.Training,
            new IndexInfo(index.Name, points, string.Equals(index.Name, lease.ModelVersion, StringComparison.Ordinal) && index.Dimension == manifest.EmbeddingSize)));
    }
}
