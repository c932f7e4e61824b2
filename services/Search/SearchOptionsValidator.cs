using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Search;

/// <summary>Validates <see cref="SearchOptions"/> (at start-up, through <c>ValidateOnStart</c>).</summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
