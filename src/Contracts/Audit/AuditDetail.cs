namespace VfeTps.Stream.Contracts.Audit;

/// <summary>Builds the particulars of an <see cref="AuditRecord"/> from name/value pairs.</summary>
public static class AuditDetail
{
    public static IReadOnlyDictionary<string, string?> Of(params (string Name, string? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs.ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);
    }
}
