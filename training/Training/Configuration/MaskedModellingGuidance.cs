namespace VfeTps.Stream.Training.Configuration;

/// <summary>What the masked-image decoder may look at besides the masked image.</summary>
public enum MaskedModellingGuidance
{
    /// <summary>The caption's tokens as cross-attention keys and values (TG-MIM).</summary>
    Text,

    /// <summary>Nothing: image context only (SimMIM-style control).</summary>
    None,
}
