namespace VfeTps.Stream.Watchlists;

/// <summary>
/// A watchlist's score distribution over the calibration window: its cosine similarity to each of
/// the <see cref="Crops"/> recent crops, summarised by mean and (population) standard deviation.
/// </summary>
/// <param name="Crops">Crops in the window.</param>
/// <param name="Mean">Mean cosine similarity over them (0 when there are none).</param>
/// <param name="StandardDeviation">Their standard deviation (0 when there are none).</param>
/// <param name="Ready">Whether the window holds enough crops to raise hits.</param>
internal readonly record struct Calibration(int Crops, double Mean, double StandardDeviation, bool Ready)
{
    public static Calibration None => default;
}
