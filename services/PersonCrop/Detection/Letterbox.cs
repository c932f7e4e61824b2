using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// How a frame is fitted into a model input the way Ultralytics' YOLO exports expect: scaled by one
/// factor to fit, centred, the rest padded (grey 114). Maps boxes in input pixels back to frame pixels.
/// </summary>
internal readonly record struct Letterbox(int FrameWidth, int FrameHeight, int InputWidth, int InputHeight, double Scale, int ScaledWidth, int ScaledHeight, int PadLeft, int PadTop)
{
    public const byte PadValue = 114;

    public static Letterbox For(int frameWidth, int frameHeight, int inputWidth, int inputHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        var scale = Math.Min((double)inputWidth / frameWidth, (double)inputHeight / frameHeight);
        var width = Math.Clamp((int)Math.Round(frameWidth * scale), 1, inputWidth);
        var height = Math.Clamp((int)Math.Round(frameHeight * scale), 1, inputHeight);
        // Ultralytics rounds (pad / 2 - 0.1) for the top-left side.
        var left = (int)Math.Round(((inputWidth - width) / 2.0) - 0.1);
        var top = (int)Math.Round(((inputHeight - height) / 2.0) - 0.1);
        return new Letterbox(frameWidth, frameHeight, inputWidth, inputHeight, scale, width, height, Math.Max(0, left), Math.Max(0, top));
    }

    /// <summary>A box given as corners in input pixels, in frame pixels (clamped to the frame).</summary>
    public BoundingBox ToFrame(float x1, float y1, float x2, float y2)
    {
        var left = (x1 - PadLeft) / Scale;
        var top = (y1 - PadTop) / Scale;
        var right = (x2 - PadLeft) / Scale;
        var bottom = (y2 - PadTop) / Scale;
        var x = (int)Math.Round(left);
        var y = (int)Math.Round(top);
        return new BoundingBox(x, y, (int)Math.Round(right) - x, (int)Math.Round(bottom) - y).ClampTo(FrameWidth, FrameHeight);
    }
}
