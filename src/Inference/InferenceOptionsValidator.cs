using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Inference;

/// <summary>Validates <see cref="InferenceOptions"/> at start-up: register it with the options pattern.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
