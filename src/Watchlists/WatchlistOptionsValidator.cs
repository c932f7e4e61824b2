using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Watchlists;

/// <summary>Validates <see cref="WatchlistOptions"/> (at start-up, through <c>ValidateOnStart</c>).</summary>
public sealed class WatchlistOptionsValidator : IValidateOptions<WatchlistOptions>
{
    public ValidateOptionsResult Validate(string? name, WatchlistOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
