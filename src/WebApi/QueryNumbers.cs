using System.Globalization;

namespace VfeTps.Stream.WebApi;

/// <summary>Whole numbers from the query string (paging: <c>before</c>, <c>limit</c>), refused by field name when they are not.</summary>
public static class QueryNumbers
{
    /// <summary>The number, or null when <paramref name="value"/> is null; an error naming <paramref name="field"/> when it is not a whole number in [min, max].</summary>
    public static long? Read(string? value, string field, long min, long max, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
            return null;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        errors.Add(field, $"'{field}' must be a whole number from {min} to {max} (got {ValidationErrors.Quote(value)}).");
        return null;
    }
}
