namespace VfeTps.Stream.Contracts;

/// <summary>
/// Camera ids are slugs (<c>[a-z0-9-]</c>, 1–64 characters, starting with a letter or digit): they
/// appear in crop ids, blob keys, URLs and Kafka keys, so nothing in them may need escaping.
/// </summary>
public static class CameraIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static void Validate(string? id)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException(
                $"'{id}' is not a camera id: use 1–{MaxLength} lower-case letters, digits and '-', starting with a letter or digit.",
                nameof(id));
        }
    }
}
