using SkiaSharp;

namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class PedestrianRendererTests
{
    private const int Width = 200;
    private const int Height = 600;
    private static readonly SKRect Bounds = new(20, 0, 180, 600);

    [Theory]
    [InlineData(ClothingColor.Red, ClothingColor.Blue)]
    [InlineData(ClothingColor.Yellow, ClothingColor.Green)]
    [InlineData(ClothingColor.White, ClothingColor.Navy)]
    public void Render_UpperColour_ColoursTheTorsoRegion(ClothingColor first, ClothingColor second)
    {
        // The chest: the central column between the arms, from below the shoulders to above the waist.
        var chest = new SKRectI(100 - 18, 150, 100 + 18, 220);
        using var a = Pixels.Render(Looks.Plain(first), Viewpoint.Front, Width, Height, Bounds);
        using var b = Pixels.Render(Looks.Plain(second), Viewpoint.Front, Width, Height, Bounds);

        var meanA = Pixels.Mean(a, chest);
        var meanB = Pixels.Mean(b, chest);

        Assert.True(Pixels.Distance(meanA, Palette.Of(first)) < Pixels.Distance(meanA, Palette.Of(second)));
        Assert.True(Pixels.Distance(meanB, Palette.Of(second)) < Pixels.Distance(meanB, Palette.Of(first)));
        Assert.True(Pixels.Distance(meanA, Palette.Of(first)) < 90, $"chest {meanA} is far from {first}");
    }

    [Fact]
    public void Render_Backpack_IsLargeFromBehindAndSmallFromTheFront()
    {
        var without = Looks.Plain(ClothingColor.Navy);
        var with = without with { Bag = BagType.Backpack, BagColor = ClothingColor.Yellow };

        double Changed(Viewpoint view)
        {
            using var a = Pixels.Render(without, view, Width, Height, Bounds);
            using var b = Pixels.Render(with, view, Width, Height, Bounds);
            return Pixels.ChangedShare(a, b);
        }

        var back = Changed(Viewpoint.Back);
        var front = Changed(Viewpoint.Front);
        var side = Changed(Viewpoint.LeftSide);

        Assert.True(back > 0.05, $"backpack changes only {back:P1} of the back view");
        Assert.True(front > 0.0, "the straps should show from the front");
        Assert.True(front < back / 3, $"front {front:P1} vs back {back:P1}");
        Assert.True(side > front, $"side {side:P1} vs front {front:P1}");
    }

    [Fact]
    public void Render_Glasses_ChangeTheFrontButNotTheBack()
    {
        var without = Looks.Plain();
        var with = without with { Glasses = true };
        using var frontA = Pixels.Render(without, Viewpoint.Front, Width, Height, Bounds);
        using var frontB = Pixels.Render(with, Viewpoint.Front, Width, Height, Bounds);
        using var backA = Pixels.Render(without, Viewpoint.Back, Width, Height, Bounds);
        using var backB = Pixels.Render(with, Viewpoint.Back, Width, Height, Bounds);

        Assert.True(Pixels.ChangedShare(frontA, frontB) > 0.001);
        Assert.Equal(0.0, Pixels.ChangedShare(backA, backB, threshold: 0));
    }

    [Theory]
    [InlineData(Viewpoint.Front)]
    [InlineData(Viewpoint.Back)]
    [InlineData(Viewpoint.LeftSide)]
    [InlineData(Viewpoint.RightSide)]
    public void Render_StaysInsideItsBoundsAndRestoresTheCanvas(Viewpoint view)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(400, 400, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        var matrixBefore = canvas.TotalMatrix;
        var bounds = new SKRect(150, 100, 250, 400);

        PedestrianRenderer.Render(canvas, Looks.Busy(BagType.ShoulderBag), new PedestrianPose(view, 0.5f), bounds);
        canvas.Flush();

        Assert.Equal(matrixBefore, canvas.TotalMatrix);
        var (left, top, right) = (int.MaxValue, int.MaxValue, int.MinValue);
        for (var y = 0; y < 400; y++)
        {
            for (var x = 0; x < 400; x++)
            {
                if (bitmap.GetPixel(x, y) != SKColors.White)
                {
                    (left, top, right) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x));
                }
            }
        }

        Assert.InRange(top, 100, 115);
        Assert.True(left >= 100 && right <= 300, $"figure spans x {left}..{right}");
    }

    [Fact]
    public void Render_InconsistentAttributes_Throws()
    {
        using var bitmap = new SKBitmap(50, 100);
        using var canvas = new SKCanvas(bitmap);
        var broken = Looks.Plain() with { Bag = BagType.Backpack, BagColor = null };

        Assert.Throws<ArgumentException>(() => PedestrianRenderer.Render(canvas, broken, new PedestrianPose(Viewpoint.Front, 0f), new SKRect(0, 0, 50, 100)));
    }
}
