using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>A track seen in the current frame, with the detection associated with it.</summary>
/// <param name="TrackId">See <see cref="TrackIds"/>.</param>
/// <param name="Box">The detection's box in this frame.</param>
/// <param name="Score">The detection's score.</param>
/// <param name="Confirmed">The track has had enough hits to be reported.</param>
/// <param name="JustConfirmed">It became confirmed with this frame (a track "starts" here).</param>
public readonly record struct TrackObservation(long TrackId, BoundingBox Box, float Score, bool Confirmed, bool JustConfirmed);
