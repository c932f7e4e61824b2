namespace VfeTps.Stream.SynthPedes;

/// <summary>The four limbs of a posed figure in figure units, named by the person's own sides.</summary>
internal sealed record Skeleton(Limb RightArm, Limb LeftArm, Limb RightLeg, Limb LeftLeg);
