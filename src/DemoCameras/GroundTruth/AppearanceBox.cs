using System.Text.Json.Serialization;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.DemoCameras;

/// <summary>Where a person is in one frame: the visible part of their box (clipped to the frame) in pixels.</summary>
/// <param name="Frame">0-based frame number.</param>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge (top of the head or headwear).</param>
/// <param name="Width">Box width (about 0.34 of the full figure height).</param>
/// <param name="Height">Box height (to the soles).</param>
/// <param name="Visible">Share of the whole figure's box inside the frame (1 when fully in view).</param>
public readonly record struct AppearanceBox(int Frame, int X, int Y, int Width, int Height, double Visible)
{
    [JsonIgnore]
    public BoundingBox Box => new(X, Y, Width, Height);
}
