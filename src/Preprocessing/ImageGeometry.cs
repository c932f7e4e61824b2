namespace VfeTps.Stream.Preprocessing;

/// <summary>Argument checks for image sizes shared by every type that takes a width and a height.</summary>
internal static class ImageGeometry
{
    /// <summary>Bytes of one interleaved RGB pixel.</summary>
    public const int Channels = 3;

    /// <summary>Throws unless both sides are positive and the RGB buffer fits in one array.</summary>
    public static void Validate(int width, int height, string widthName = "width", string heightName = "height")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width, widthName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height, heightName);
        if ((long)width * height * Channels > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                widthName, $"A {width}×{height} RGB image does not fit in one array of at most {Array.MaxLength} bytes.");
        }
    }

    /// <summary>Bytes in a tightly packed RGB buffer of this size (validated first).</summary>
    public static int RgbByteCount(int width, int height) => width * height * Channels;
}
