using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Search;

/// <summary>What every search endpoint needs besides the model and the index: limits, metrics and a logger.</summary>
internal sealed class SearchApiContext(IOptions<SearchOptions> options, SearchMetrics metrics, ILogger<SearchApiContext> logger)
{
    public SearchOptions Options { get; } = options.Value;

    public SearchMetrics Metrics { get; } = metrics;

    public ILogger Logger { get; } = logger;
}
