namespace VfeTps.Stream.Contracts;

/// <summary>A camera with this id is already registered (the API answers 409).</summary>
public sealed class CameraAlreadyRegisteredException : InvalidOperationException
{
    public CameraAlreadyRegisteredException()
    {
    }

    public CameraAlreadyRegisteredException(string message)
        : base(message)
    {
    }

    public CameraAlreadyRegisteredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The camera id that is taken.</summary>
    public string? CameraId { get; init; }
}
