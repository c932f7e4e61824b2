using System.Globalization;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Search;

/// <summary>
/// Checks search requests against <see cref="SearchOptions"/> and <see cref="SearchLimits"/> and fills
/// in the defaults. Every problem is reported at once, under the JSON name of its field.
/// </summary>
internal static class SearchRequestValidator
{
    /// <summary>Validates a text search; <paramref name="text"/> is the trimmed description when valid.</summary>
    public static SearchQuery? Validate(SearchRequest request, SearchOptions options, int maxQueryCharacters, ValidationErrors errors, out string text)
    {
        text = request.Text?.Trim() ?? string.Empty;
        if (request.Text is null)
            errors.Add("text", "A description is required, e.g. \"man in a blue jacket with a backpack\".");
        else if (text.Length == 0)
            errors.Add("text", "The description is empty.");
        else if (CountCharactersUpTo(text, maxQueryCharacters + 1) > maxQueryCharacters)
            errors.Add("text", $"The description has more than {maxQueryCharacters} characters; shorten it.");
        return ValidateFilters(request, options, errors);
    }

    /// <summary>Validates a "more like this" search.</summary>
    public static SearchQuery? Validate(SimilarRequest request, SearchOptions options, ValidationErrors errors)
    {
        if (request.CropId is null)
            errors.Add("cropId", "A crop id is required.");
        else if (!CropIds.TryParse(request.CropId, out _, out _, out _))
            errors.Add("cropId", $"{ValidationErrors.Quote(request.CropId)} is not a crop id ({{camera}}.{{track}}.{{shot}}, e.g. entrance-1.42.0).");
        return ValidateFilters(request, options, errors);
    }

    private static SearchQuery? ValidateFilters(SearchFilters request, SearchOptions options, ValidationErrors errors)
    {
        var k = request.K ?? SearchLimits.DefaultK;
        if (k < 1 || k > options.MaxResults)
            errors.Add("k", $"k must be between 1 and {options.MaxResults} (got {k}).");

        var cropsPerTrack = request.CropsPerTrack ?? SearchLimits.DefaultCropsPerTrack;
        if (cropsPerTrack is < 1 or > SearchLimits.MaxCropsPerTrack)
            errors.Add("cropsPerTrack", $"cropsPerTrack must be between 1 and {SearchLimits.MaxCropsPerTrack} (got {cropsPerTrack}).");

        var cameras = ValidateCameras(request.Cameras, errors);

        if (request.From is { } from && request.To is { } to)
        {
            if (from >= to)
            {
                errors.Add("from", $"from ({Format(from)}) must be before to ({Format(to)}).");
            }
            else if (to - from > options.MaxTimeRange)
            {
                errors.Add("to", string.Create(
                    CultureInfo.InvariantCulture,
                    $"The time range is {(to - from).TotalDays:0.#} days; at most {options.MaxTimeRange.TotalDays:0.#} days may be searched at once."));
            }
        }

        return errors.Any
            ? null
            : new SearchQuery(cameras, request.From, request.To, k, request.GroupByTrack ?? true, cropsPerTrack);
    }

    private static HashSet<string>? ValidateCameras(IReadOnlyList<string?>? cameras, ValidationErrors errors)
    {
        if (cameras is null || cameras.Count == 0)
            return null;
        if (cameras.Count > SearchLimits.MaxCameras)
        {
            errors.Add("cameras", $"At most {SearchLimits.MaxCameras} cameras may be given (got {cameras.Count}); leave the list out to search all cameras.");
            return null;
        }

        var reported = 0;
        for (var index = 0; index < cameras.Count; index++)
        {
            if (CameraIds.IsValid(cameras[index]))
                continue;
            // A long list of bad ids needs only a few examples.
            if (++reported <= 5)
            {
                errors.Add(
                    $"cameras[{index}]",
                    $"{ValidationErrors.Quote(cameras[index])} is not a camera id: use 1–{CameraIds.MaxLength} lower-case letters, digits and '-', starting with a letter or digit.");
            }
        }

        return reported > 0 ? null : cameras.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Unicode characters (code points) in <paramref name="text"/>, counting no further than <paramref name="stop"/>.</summary>
    private static int CountCharactersUpTo(string text, int stop)
    {
        if (text.Length < stop)
            return text.EnumerateRunes().Count();
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            if (++count >= stop)
                break;
        }
        return count;
    }

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
