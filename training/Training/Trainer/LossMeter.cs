using VfeTps.Stream.Training.Models;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>Running means of each loss term over an epoch (what the progress bar and the log show).</summary>
public sealed class LossMeter
{
    private double _total;
    private double _cmpm;
    private double _tgMim;
    private double _isGvfc;
    private double _identity;
    private bool _hasTgMim;
    private bool _hasIsGvfc;
    private bool _hasIdentity;

    public int Steps { get; private set; }

    public void Add(LossTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Steps++;
        _total += terms.Total.item<float>();
        _cmpm += terms.Cmpm.item<float>();
        if (terms.TgMim is not null)
        {
            _hasTgMim = true;
            _tgMim += terms.TgMim.item<float>();
        }
        if (terms.IsGvfc is not null)
        {
            _hasIsGvfc = true;
            _isGvfc += terms.IsGvfc.item<float>();
        }
        if (terms.IdentityClassification is not null)
        {
            _hasIdentity = true;
            _identity += terms.IdentityClassification.item<float>();
        }
    }

    public double Total => Mean(_total);
    public double Cmpm => Mean(_cmpm);
    public double? TgMim => _hasTgMim ? Mean(_tgMim) : null;
    public double? IsGvfc => _hasIsGvfc ? Mean(_isGvfc) : null;
    public double? IdentityClassification => _hasIdentity ? Mean(_identity) : null;

    /// <summary>A compact summary for the progress line.</summary>
    public string Describe() =>
        FormattableString.Invariant($"loss {Total:F3} cmpm {Cmpm:F3}")
        + (TgMim is { } t ? FormattableString.Invariant($" tgmim {t:F3}") : "")
        + (IsGvfc is { } g ? FormattableString.Invariant($" isgvfc {g:F3}") : "")
        + (IdentityClassification is { } i ? FormattableString.Invariant($" id {i:F3}") : "");

    private double Mean(double sum) => Steps == 0 ? double.NaN : sum / Steps;
}
