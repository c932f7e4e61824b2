namespace VfeTps.Stream.SynthPedes;

/// <summary>The split names of the CUHK-PEDES annotation format.</summary>
public static class SplitNames
{
    public const string Train = "train";
    public const string Validation = "val";
    public const string Test = "test";
}
