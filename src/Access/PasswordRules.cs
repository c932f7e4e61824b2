using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// What a password must be: 12 to 256 characters, none of them control characters or broken UTF-16
/// (a lone surrogate would be hashed as U+FFFD, so two different passwords would match).
/// </summary>
internal static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password))
            return "A password is required.";
        if (password.Length < MinLength)
            return $"A password must have at least {MinLength} characters.";
        if (password.Length > MaxLength)
            return $"A password may have at most {MaxLength} characters.";
        if (password.Any(char.IsControl))
            return "A password may not contain control characters.";
        if (!Utf16Text.IsWellFormed(password))
            return "A password may not contain broken Unicode (lone surrogates).";
        return null;
    }
}
