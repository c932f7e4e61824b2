using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search.Tests;

/// <summary>A query never mixes model versions; the model page says what serves.</summary>
public sealed class ModelVersionTests(SearchFixture data) : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private IVectorIndex _olderIndex = null!;

    public async ValueTask InitializeAsync()
    {
        // The collection of the model that served before: same dimension, another version.
        _olderIndex = await TestIndexes.OpenAsync(_temp.CreateSubdirectory("older"), "tiny-synthpedes-older", data.Dimension, TestContext.Current.CancellationToken);
        var crop = data.Crops[0];
        var payload = new CropPayload(crop.CameraId, crop.TrackId, crop.ShotIndex, crop.Time, crop.Box, 0.9f, $"crops/{crop.CropId}.jpg", "frames/x/1.jpg", "tiny-synthpedes-older");
        await _olderIndex.UpsertAsync([new CropVector(crop.CropId, crop.Vector, payload)], TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _olderIndex.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_text_search_against_another_models_index_is_answered_503()
    {
        await using var server = await SearchServer.StartAsync(data, _olderIndex);

        var response = await server.PostAsync("/api/search", new { text = "red coat" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("being rebuilt for the new model", problem.Title, StringComparison.Ordinal);
        Assert.Contains(data.ModelVersion, problem.Detail, StringComparison.Ordinal);
        Assert.Contains("tiny-synthpedes-older", problem.Detail, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_invalid_search_is_still_answered_400_during_a_rebuild()
    {
        await using var server = await SearchServer.StartAsync(data, _olderIndex);

        var errors = await (await server.PostAsync("/api/search", new { text = "" })).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey("text"));
    }

    [Fact]
    public async Task The_model_page_and_the_health_check_say_that_the_index_is_being_rebuilt()
    {
        await using var server = await SearchServer.StartAsync(data, _olderIndex);

        var model = await (await server.Client.GetAsync("/api/model", TestContext.Current.CancellationToken)).ReadAsync<ModelInfo>();
        var health = await server.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(data.ModelVersion, model.ModelVersion);
        Assert.Equal(new IndexInfo("tiny-synthpedes-older", 1, MatchesModel: false), model.Index);
        Assert.Equal(HealthStatus.Degraded, health.Entries[ServingModelHealthCheck.Name].Status);
        Assert.Contains("being rebuilt", health.Entries[ServingModelHealthCheck.Name].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_page_describes_the_serving_model_and_its_recorded_metrics()
    {
        await using var server = await SearchServer.StartAsync(data);
        using var lease = data.Model.Acquire();

        var model = await (await server.Client.GetAsync("/api/model", TestContext.Current.CancellationToken)).ReadAsync<ModelInfo>();

        Assert.Equal(lease.ModelVersion, model.ModelVersion);
        Assert.Equal(lease.Manifest.Created, model.Created);
        Assert.Equal(lease.Manifest.EmbeddingSize, model.EmbeddingSize);
        Assert.Equal((lease.Manifest.Image.Width, lease.Manifest.Image.Height), (model.ImageWidth, model.ImageHeight));
        Assert.Equal(lease.Manifest.Text.ContextLength, model.TextContextLength);
        Assert.Equal("Cpu", model.ExecutionProvider);
        Assert.Equal(1000, model.MaxQueryCharacters);
        Assert.NotEmpty(lease.Manifest.Evaluation);
        Assert.Equal(lease.Manifest.Evaluation.OrderBy(e => e.Key), model.Evaluation.OrderBy(e => e.Key));
        Assert.Equal(new IndexInfo(data.ModelVersion, data.Crops.Count, MatchesModel: true), model.Index);
    }

    [Fact]
    public async Task The_health_check_is_healthy_when_model_and_index_agree()
    {
        await using var server = await SearchServer.StartAsync(data);

        var health = await server.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, health.Entries[ServingModelHealthCheck.Name].Status);
    }

    [Fact]
    public async Task Similar_search_uses_one_index_only_and_answers_from_it()
    {
        await using var server = await SearchServer.StartAsync(data, _olderIndex);

        var response = await (await server.PostAsync("/api/search/similar", new { cropId = data.Crops[0].CropId, includeSameTrack = true, groupByTrack = false })).ReadSearchAsync();

        Assert.Equal("tiny-synthpedes-older", response.ModelVersion);
        Assert.Equal(data.Crops[0].CropId, Assert.Single(response.Results).CropId);
    }
}
