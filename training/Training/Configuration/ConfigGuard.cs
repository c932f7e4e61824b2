namespace VfeTps.Stream.Training.Configuration;

internal static class ConfigGuard
{
    public static void Positive(double value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
    }

    public static void DivisibleBy(int value, int divisor, string what, string by)
    {
        if (divisor <= 0 || value <= 0 || value % divisor != 0)
            throw new ArgumentException($"The {what} ({value}) must be a positive multiple of the {by} ({divisor}).");
    }
}
