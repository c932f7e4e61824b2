namespace VfeTps.Stream.Evaluation;

/// <summary>
/// Projection onto the two principal components: the features are centred, the top-2 eigenvectors
/// of their covariance are found by orthogonal (block power) iteration with a final Rayleigh–Ritz
/// step, and each point's coordinates are its centred feature's dot products with them.
/// </summary>
/// <remarks>
/// Never forms the dimension × dimension covariance: each iteration is two passes over the data.
/// Signs are fixed so that each component's largest-magnitude loading is positive, which makes the
/// output deterministic. When the data has fewer than two directions of variance the missing
/// coordinates are 0.
/// </remarks>
public static class PcaProjection
{
    private const int MaxIterations = 500;
    private const double Tolerance = 1e-10;

    /// <summary>One 2-D point per row of <paramref name="features"/>, in row order.</summary>
    /// <exception cref="ArgumentException"><paramref name="features"/> has no rows.</exception>
    public static Point2D[] Project(EmbeddingMatrix features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rows == 0)
        {
            throw new ArgumentException("There are no features to project.", nameof(features));
        }

        var n = features.Rows;
        var d = features.Dimension;
        var centred = Centre(features);
        var first = new double[d];
        var second = new double[d];
        FindComponents(centred, n, d, first, second, cancellationToken);

        var points = new Point2D[n];
        for (var i = 0; i < n; i++)
        {
            var row = centred.AsSpan(i * d, d);
            points[i] = new Point2D(Dot(row, first), Dot(row, second));
        }

        return points;
    }

    private static double[] Centre(EmbeddingMatrix features)
    {
        var n = features.Rows;
        var d = features.Dimension;
        var values = features.Values.Span;
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < d; k++)
            {
                mean[k] += values[(i * d) + k];
            }
        }

        for (var k = 0; k < d; k++)
        {
            mean[k] /= n;
        }

        var centred = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < d; k++)
            {
                centred[(i * d) + k] = values[(i * d) + k] - mean[k];
            }
        }

        return centred;
    }

    private static void FindComponents(
        double[] centred, int n, int d, double[] first, double[] second, CancellationToken cancellationToken)
    {
        // A fixed, generic start: deterministic, and not orthogonal to any axis-aligned component.
        for (var k = 0; k < d; k++)
        {
            first[k] = 1.0 + (0.01 * k);
            second[k] = (k % 2 == 0 ? 1.0 : -1.0) * (1.0 + (0.003 * k));
        }

        var projected = new double[n];
        var nextFirst = new double[d];
        var nextSecond = new double[d];
        if (!Orthonormalise(first, second))
        {
            return;
        }

        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ApplyScatter(centred, n, d, first, projected, nextFirst);
            ApplyScatter(centred, n, d, second, projected, nextSecond);
            var hasSpread = Orthonormalise(nextFirst, nextSecond);
            var change = Math.Max(MaxDifference(first, nextFirst), MaxDifference(second, nextSecond));
            nextFirst.CopyTo(first, 0);
            nextSecond.CopyTo(second, 0);
            if (!hasSpread || change < Tolerance)
            {
                break;
            }
        }

        RayleighRitz(centred, n, d, first, second, projected);
        FixSign(first);
        FixSign(second);
    }

    /// <summary>result = Xᵀ X v (the scatter matrix applied to v), without forming XᵀX.</summary>
    private static void ApplyScatter(double[] centred, int n, int d, double[] v, double[] projected, double[] result)
    {
        for (var i = 0; i < n; i++)
        {
            projected[i] = Dot(centred.AsSpan(i * d, d), v);
        }

        Array.Clear(result);
        for (var i = 0; i < n; i++)
        {
            var row = centred.AsSpan(i * d, d);
            var weight = projected[i];
            for (var k = 0; k < d; k++)
            {
                result[k] += weight * row[k];
            }
        }
    }

    /// <summary>
    /// Gram–Schmidt on (a, b). A vector with no length left (no variance in that direction) is set
    /// to zero; returns false when <paramref name="a"/> is zero, as nothing is left to iterate.
    /// </summary>
    private static bool Orthonormalise(double[] a, double[] b)
    {
        if (!Normalise(a))
        {
            Array.Clear(b);
            return false;
        }

        var overlap = Dot(a, b);
        for (var k = 0; k < b.Length; k++)
        {
            b[k] -= overlap * a[k];
        }

        Normalise(b);
        return true;
    }

    private static bool Normalise(double[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        if (norm < 1e-12)
        {
            Array.Clear(v);
            return false;
        }

        for (var k = 0; k < v.Length; k++)
        {
            v[k] /= norm;
        }

        return true;
    }

    /// <summary>Rotates (first, second) within their plane onto the 2×2 problem's eigenvectors.</summary>
    private static void RayleighRitz(double[] centred, int n, int d, double[] first, double[] second, double[] projected)
    {
        var scatterFirst = new double[d];
        var scatterSecond = new double[d];
        ApplyScatter(centred, n, d, first, projected, scatterFirst);
        ApplyScatter(centred, n, d, second, projected, scatterSecond);
        var h11 = Dot(first, scatterFirst);
        var h12 = Dot(first, scatterSecond);
        var h22 = Dot(second, scatterSecond);
        if (Math.Abs(h12) < 1e-15 * Math.Max(1.0, Math.Abs(h11) + Math.Abs(h22)))
        {
            return;
        }

        // Eigenvector of [[h11, h12], [h12, h22]] for its larger eigenvalue is (cos θ, sin θ).
        var theta = 0.5 * Math.Atan2(2.0 * h12, h11 - h22);
        var (sin, cos) = Math.SinCos(theta);
        for (var k = 0; k < d; k++)
        {
            var f = first[k];
            var s = second[k];
            first[k] = (cos * f) + (sin * s);
            second[k] = (-sin * f) + (cos * s);
        }
    }

    private static void FixSign(double[] v)
    {
        var largest = 0;
        for (var k = 1; k < v.Length; k++)
        {
            if (Math.Abs(v[k]) > Math.Abs(v[largest]))
            {
                largest = k;
            }
        }

        if (v[largest] < 0)
        {
            for (var k = 0; k < v.Length; k++)
            {
                v[k] = -v[k];
            }
        }
    }

    private static double MaxDifference(double[] a, double[] b)
    {
        var max = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            max = Math.Max(max, Math.Abs(a[k] - b[k]));
        }

        return max;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }
}
