using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Audit;

/// <summary>Validates <see cref="AuditOptions"/> (at start-up, through <c>ValidateOnStart</c>).</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
