using VfeTps.Stream.Training.Configuration;

namespace VfeTps.Stream.Training.Ablation;

/// <summary>One arm of the ablation study: a name and how it changes the base model.</summary>
public sealed record AblationVariant(string Name, string Description, Func<ModelConfig, ModelConfig> Apply)
{
    /// <summary>
    /// The paper's ablation (Table 6) and its two controls: image-only masked modelling against
    /// TG-MIM (Fig. 3), an identity-classification loss against IS-GVFC (Fig. 7).
    /// </summary>
    public static IReadOnlyList<AblationVariant> Standard { get; } =
    [
        new("cmpm", "CMPM only", m => m with { TgMim = m.TgMim with { Enabled = false }, IsGvfc = m.IsGvfc with { Enabled = false } }),
        new("cmpm+tgmim", "CMPM + TG-MIM", m => m with { TgMim = m.TgMim with { Enabled = true }, IsGvfc = m.IsGvfc with { Enabled = false } }),
        new("cmpm+isgvfc", "CMPM + IS-GVFC", m => m with { TgMim = m.TgMim with { Enabled = false }, IsGvfc = m.IsGvfc with { Enabled = true } }),
        new("vfe-tps", "CMPM + TG-MIM + IS-GVFC", m => m with { TgMim = m.TgMim with { Enabled = true }, IsGvfc = m.IsGvfc with { Enabled = true } }),
        new("cmpm+simmim", "CMPM + image-only MIM (control)",
            m => m with { TgMim = m.TgMim with { Enabled = true, Guidance = MaskedModellingGuidance.None }, IsGvfc = m.IsGvfc with { Enabled = false } }),
        new("cmpm+id", "CMPM + ID loss (control)",
            m => m with { TgMim = m.TgMim with { Enabled = false }, IsGvfc = m.IsGvfc with { Enabled = false }, IdentityClassifier = m.IdentityClassifier with { Enabled = true } }),
    ];
}
