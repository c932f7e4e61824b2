namespace VfeTps.Stream.SynthPedes;

/// <summary>How a pedestrian is drawn: from which side, and where in the gait cycle.</summary>
/// <param name="View">Which side of the person faces the camera.</param>
/// <param name="WalkPhase">Gait cycle position in [0, 1): legs and arms swing with sin(2π·phase).</param>
public readonly record struct PedestrianPose(Viewpoint View, float WalkPhase)
{
    /// <summary>Swing of the right leg in [-1, 1]; arms swing against their leg.</summary>
    internal float Swing => MathF.Sin(2f * MathF.PI * WalkPhase);
}
