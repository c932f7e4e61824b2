using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>Validates <see cref="AccessOptions"/> (at start-up, through <c>ValidateOnStart</c>).</summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
