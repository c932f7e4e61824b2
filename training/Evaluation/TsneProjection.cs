namespace VfeTps.Stream.Evaluation;

/// <summary>
/// Exact t-SNE (van der Maaten &amp; Hinton, 2008) to 2-D, as in the paper's Fig. 8: similar features
/// land close together, so identities show as clusters. Distances between clusters in the output
/// mean little; only neighbourhoods do.
/// </summary>
/// <remarks>
/// Input affinities come from squared Euclidean distances (normalise the features first to work
/// with cosine geometry). Each point's Gaussian precision is found by binary search so that the
/// entropy of P(·|i) is ln(perplexity); P is symmetrised as (P(j|i) + P(i|j)) / 2n. The layout
/// starts from N(0, 10⁻⁴) draws seeded by <see cref="TsneOptions.Seed"/> and follows gradient descent
/// on KL(P‖Q) with a Student-t Q, early exaggeration, momentum and per-coordinate adaptive gains.
/// Single-threaded and in a fixed order, so a seed gives identical output. O(n²) time per iteration
/// and O(n²) memory: meant for a handful of identities (hundreds of points, at most <see cref="MaxPoints"/>).
/// </remarks>
public static class TsneProjection
{
    /// <summary>The most points accepted: beyond it the n × n matrices get large; subsample or use PCA.</summary>
    public const int MaxPoints = 3000;

    private const double MinProbability = 1e-12;
    private const double EntropyTolerance = 1e-5;
    private const int BinarySearchSteps = 100;
    private const double MinGain = 0.01;

    /// <summary>One 2-D point per row of <paramref name="features"/>, in row order.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 or more than <see cref="MaxPoints"/> rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (perplexity must be in [1, n)).</exception>
    public static Point2D[] Project(
        EmbeddingMatrix features, TsneOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= TsneOptions.Default;
        var n = features.Rows;
        if (n < 2 || n > MaxPoints)
        {
            throw new ArgumentException($"t-SNE takes 2 to {MaxPoints} points; got {n}.", nameof(features));
        }

        Validate(options, n);
        var p = JointProbabilities(features, options.Perplexity, cancellationToken);
        var layout = InitialLayout(n, options.Seed);
        Descend(p, layout, n, options, cancellationToken);

        var points = new Point2D[n];
        for (var i = 0; i < n; i++)
        {
            points[i] = new Point2D(layout[2 * i], layout[(2 * i) + 1]);
        }

        return points;
    }

    private static void Validate(TsneOptions options, int n)
    {
        if (!(options.Perplexity >= 1.0 && options.Perplexity < n))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Perplexity, $"Perplexity must be at least 1 and below the point count {n}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Iterations, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExaggerationIterations, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.EarlyExaggeration, nameof(options));
        if (options.LearningRate is { } rate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(options));
        }
    }

    /// <summary>Symmetric P (row-major n × n, zero diagonal) calibrated to the perplexity.</summary>
    private static double[] JointProbabilities(EmbeddingMatrix features, double perplexity, CancellationToken cancellationToken)
    {
        var n = features.Rows;
        var distances = SquaredDistances(features);
        var conditional = new double[n * n];
        var targetEntropy = Math.Log(perplexity);
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CalibrateRow(distances.AsSpan(i * n, n), i, targetEntropy, conditional.AsSpan(i * n, n));
        }

        var joint = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                joint[(i * n) + j] = i == j
                    ? 0.0
                    : Math.Max((conditional[(i * n) + j] + conditional[(j * n) + i]) / (2.0 * n), MinProbability);
            }
        }

        return joint;
    }

    private static double[] SquaredDistances(EmbeddingMatrix features)
    {
        var n = features.Rows;
        var distances = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var a = features.Row(i);
            for (var j = i + 1; j < n; j++)
            {
                var b = features.Row(j);
                var sum = 0.0;
                for (var k = 0; k < a.Length; k++)
                {
                    var diff = (double)a[k] - b[k];
                    sum += diff * diff;
                }

                distances[(i * n) + j] = sum;
                distances[(j * n) + i] = sum;
            }
        }

        return distances;
    }

    /// <summary>
    /// Binary search on the precision β of P(j|i) ∝ exp(−β D_ij) until its entropy is the target.
    /// Distances are shifted by their minimum first: softmax ignores the shift, and far points
    /// no longer underflow to an all-zero row.
    /// </summary>
    private static void CalibrateRow(ReadOnlySpan<double> distances, int self, double targetEntropy, Span<double> row)
    {
        var nearest = double.PositiveInfinity;
        for (var j = 0; j < distances.Length; j++)
        {
            if (j != self)
            {
                nearest = Math.Min(nearest, distances[j]);
            }
        }

        var beta = 1.0;
        var betaLow = double.NegativeInfinity;
        var betaHigh = double.PositiveInfinity;
        for (var step = 0; step < BinarySearchSteps; step++)
        {
            var sum = 0.0;
            var weighted = 0.0;
            for (var j = 0; j < distances.Length; j++)
            {
                var shifted = distances[j] - nearest;
                var value = j == self ? 0.0 : Math.Exp(-beta * shifted);
                row[j] = value;
                sum += value;
                weighted += value * shifted;
            }

            // H = ln Σ exp(−β d) + β · E[d]  (natural log, so the target is ln perplexity).
            var entropy = Math.Log(sum) + (beta * weighted / sum);
            for (var j = 0; j < row.Length; j++)
            {
                row[j] /= sum;
            }

            var excess = entropy - targetEntropy;
            if (Math.Abs(excess) < EntropyTolerance)
            {
                break;
            }

            // Too much entropy: the distribution is too flat, so sharpen it (raise β), and vice versa.
            if (excess > 0)
            {
                betaLow = beta;
                beta = double.IsPositiveInfinity(betaHigh) ? beta * 2.0 : (beta + betaHigh) / 2.0;
            }
            else
            {
                betaHigh = beta;
                beta = double.IsNegativeInfinity(betaLow) ? beta / 2.0 : (beta + betaLow) / 2.0;
            }
        }
    }

    private static double[] InitialLayout(int n, int seed)
    {
        var random = new Random(seed);
        var layout = new double[2 * n];
        for (var k = 0; k < layout.Length; k++)
        {
            // Box–Muller: System.Random has no Gaussian draw.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            layout[k] = 1e-4 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return layout;
    }

    private static void Descend(double[] p, double[] layout, int n, TsneOptions options, CancellationToken cancellationToken)
    {
        var learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4.0, 50.0);
        var kernel = new double[n * n];
        var gradient = new double[2 * n];
        var update = new double[2 * n];
        var gains = new double[2 * n];
        Array.Fill(gains, 1.0);

        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exaggerating = iteration < options.ExaggerationIterations;
            var exaggeration = exaggerating ? options.EarlyExaggeration : 1.0;
            var momentum = exaggerating ? options.InitialMomentum : options.FinalMomentum;

            ComputeGradient(p, layout, n, exaggeration, kernel, gradient);
            for (var k = 0; k < layout.Length; k++)
            {
                // Adaptive gains (delta-bar-delta): grow a step while it keeps going downhill, shrink it otherwise.
                gains[k] = update[k] * gradient[k] < 0.0 ? gains[k] + 0.2 : gains[k] * 0.8;
                gains[k] = Math.Max(gains[k], MinGain);
                update[k] = (momentum * update[k]) - (learningRate * gains[k] * gradient[k]);
                layout[k] += update[k];
            }

            Recentre(layout, n);
        }
    }

    /// <summary>∂KL/∂y_i = 4 Σ_j (e·P_ij − Q_ij)(y_i − y_j)/(1 + |y_i − y_j|²), e the exaggeration.</summary>
    private static void ComputeGradient(double[] p, double[] layout, int n, double exaggeration, double[] kernel, double[] gradient)
    {
        var kernelSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            kernel[(i * n) + i] = 0.0;
            for (var j = i + 1; j < n; j++)
            {
                var dx = layout[2 * i] - layout[2 * j];
                var dy = layout[(2 * i) + 1] - layout[(2 * j) + 1];
                var value = 1.0 / (1.0 + (dx * dx) + (dy * dy));
                kernel[(i * n) + j] = value;
                kernel[(j * n) + i] = value;
                kernelSum += 2.0 * value;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var gx = 0.0;
            var gy = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var value = kernel[(i * n) + j];
                var q = Math.Max(value / kernelSum, MinProbability);
                var force = ((exaggeration * p[(i * n) + j]) - q) * value;
                gx += force * (layout[2 * i] - layout[2 * j]);
                gy += force * (layout[(2 * i) + 1] - layout[(2 * j) + 1]);
            }

            gradient[2 * i] = 4.0 * gx;
            gradient[(2 * i) + 1] = 4.0 * gy;
        }
    }

    private static void Recentre(double[] layout, int n)
    {
        var meanX = 0.0;
        var meanY = 0.0;
        for (var i = 0; i < n; i++)
        {
            meanX += layout[2 * i];
            meanY += layout[(2 * i) + 1];
        }

        meanX /= n;
        meanY /= n;
        for (var i = 0; i < n; i++)
        {
            layout[2 * i] -= meanX;
            layout[(2 * i) + 1] -= meanY;
        }
    }
}
