using Microsoft.Extensions.Options;

namespace VfeTps.Stream.PersonCrop;

/// <summary>Refuses invalid <see cref="PersonCropOptions"/> at start, listing every problem.</summary>
public sealed class PersonCropOptionsValidator : IValidateOptions<PersonCropOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonCropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
