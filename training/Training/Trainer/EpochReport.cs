using System.Globalization;
using VfeTps.Stream.Evaluation;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>Turns an epoch into a log record, a console line and the run's plots.</summary>
public static class EpochReport
{
    public static EpochRecord Record(int epoch, LossMeter meter, double learningRate, RetrievalMetrics? metrics, double seconds)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return new EpochRecord
        {
            Epoch = epoch,
            Steps = meter.Steps,
            LearningRate = learningRate,
            Total = meter.Total,
            Cmpm = meter.Cmpm,
            TgMim = meter.TgMim,
            IsGvfc = meter.IsGvfc,
            IdentityClassification = meter.IdentityClassification,
            Rank1 = metrics?.Rank1,
            Rank5 = metrics?.Rank5,
            Rank10 = metrics?.Rank10,
            MeanAveragePrecision = metrics?.MeanAveragePrecision,
            MeanInverseNegativePenalty = metrics?.MeanInverseNegativePenalty,
            Seconds = seconds,
        };
    }

    public static string Describe(EpochRecord record, int epochs)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {record.Epoch + 1}/{epochs}: loss {record.Total:F4} (cmpm {record.Cmpm:F4}");
        if (record.TgMim is { } tgMim)
            line += string.Create(CultureInfo.InvariantCulture, $", tg-mim {tgMim:F4}");
        if (record.IsGvfc is { } isGvfc)
            line += string.Create(CultureInfo.InvariantCulture, $", is-gvfc {isGvfc:F4}");
        if (record.IdentityClassification is { } id)
            line += string.Create(CultureInfo.InvariantCulture, $", id {id:F4}");
        line += string.Create(CultureInfo.InvariantCulture, $"), lr {record.LearningRate:E2}, {record.Seconds:F0} s");
        if (record.Rank1 is { } r1)
            line += string.Create(CultureInfo.InvariantCulture, $"; validation Rank-1 {r1:F2} mAP {record.MeanAveragePrecision:F2} mINP {record.MeanInverseNegativePenalty:F2}");
        return line;
    }

    /// <summary>Redraws loss.png (each term per epoch) and validation.png (Rank-1 and mAP per epoch).</summary>
    public static void Plot(TrainingRunFolder run, IReadOnlyList<EpochRecord> records)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            return;
        var losses = new List<PlotSeries> { Series("total", records, r => r.Total), Series("CMPM", records, r => r.Cmpm) };
        AddIfPresent(losses, "TG-MIM", records, r => r.TgMim);
        AddIfPresent(losses, "IS-GVFC", records, r => r.IsGvfc);
        AddIfPresent(losses, "ID", records, r => r.IdentityClassification);
        Plots.Lines(run.LossPlot, "Training loss per epoch", "epoch", "mean loss", losses);

        var validation = new List<PlotSeries>();
        AddIfPresent(validation, "Rank-1", records, r => r.Rank1);
        AddIfPresent(validation, "mAP", records, r => r.MeanAveragePrecision);
        if (validation.Count > 0)
            Plots.Lines(run.ValidationPlot, "Validation retrieval per epoch", "epoch", "percent", validation);
    }

    private static PlotSeries Series(string name, IReadOnlyList<EpochRecord> records, Func<EpochRecord, double> value) =>
        new(name, records.Select(r => (double)(r.Epoch + 1)).ToList(), records.Select(value).ToList());

    private static void AddIfPresent(List<PlotSeries> series, string name, IReadOnlyList<EpochRecord> records, Func<EpochRecord, double?> value)
    {
        var present = records.Where(r => value(r).HasValue).ToList();
        if (present.Count > 0)
            series.Add(new PlotSeries(name, present.Select(r => (double)(r.Epoch + 1)).ToList(), present.Select(r => value(r)!.Value).ToList()));
    }
}
