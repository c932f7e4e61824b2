namespace VfeTps.Stream.Evaluation.Tests;

public sealed class EmbeddingMatrixTests
{
    [Fact]
    public void Row_ReturnsTheRowMajorSlice()
    {
        var matrix = new EmbeddingMatrix(new float[] { 1, 2, 3, 4, 5, 6 }, rows: 2, dimension: 3);

        Assert.Equal(new float[] { 4, 5, 6 }, matrix.Row(1).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Row(2).ToArray());
    }

    [Fact]
    public void Constructor_LengthNotRowsTimesDimension_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new EmbeddingMatrix(new float[5], rows: 2, dimension: 3));

        Assert.Contains("2 × 3 = 6", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Constructor_NonFiniteValue_ThrowsNamingTheCell(float bad)
    {
        var error = Assert.Throws<ArgumentException>(() => new EmbeddingMatrix(new float[] { 0, 1, 2, bad }, 2, 2));

        Assert.Contains("row 1, column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeRows_ScalesEachRowToUnitLength_AndLeavesTheSourceAlone()
    {
        var source = new float[] { 3, 4, 0, -2 };
        var matrix = new EmbeddingMatrix(source, 2, 2);

        var unit = matrix.NormalizeRows();

        // (3, 4) / 5 = (0.6, 0.8); (0, -2) / 2 = (0, -1).
        Assert.Equal(0.6f, unit.Row(0)[0], 6);
        Assert.Equal(0.8f, unit.Row(0)[1], 6);
        Assert.Equal(0f, unit.Row(1)[0]);
        Assert.Equal(-1f, unit.Row(1)[1]);
        Assert.Equal(new float[] { 3, 4, 0, -2 }, source);
    }

    [Fact]
    public void NormalizeRowsInPlace_ZeroRow_ThrowsNamingTheRow()
    {
        var values = new float[] { 1, 0, 0, 0 };

        var error = Assert.Throws<ArgumentException>(() => EmbeddingNormalization.NormalizeRowsInPlace(values, 2));

        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRows_RowsOfDifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => EmbeddingMatrix.FromRows([[1f, 2f], [3f]]));
    }

    // Σ k² for k = 1..n is n(n + 1)(2n + 1) / 6: 19·20·39/6 = 2470, 3·4·7/6 = 14, 64·65·129/6 = 89440.
    [Theory]
    [InlineData(19, 2470f)]
    [InlineData(3, 14f)]
    [InlineData(64, 89440f)]
    public void Dot_AnyLength_IncludingTailsPastTheVectorWidth(int length, float expected)
    {
        var a = Enumerable.Range(1, length).Select(static k => (float)k).ToArray();

        Assert.Equal(expected, VectorMath.Dot(a, a));
    }
}
