namespace VfeTps.Stream.Contracts;

/// <summary>
/// The camera registry as other services and the API see it (implemented by FrameIngest over SQLite).
/// Changes take effect without a restart: adding starts the camera's worker, removing stops it.
/// </summary>
public interface ICameraDirectory
{
    /// <summary>Registers a camera and starts it.</summary>
    /// <exception cref="ArgumentException">The spec is invalid (the message says what is wrong).</exception>
    /// <exception cref="CameraAlreadyRegisteredException">A camera with that id exists.</exception>
    Task<CameraView> AddAsync(CameraSpec spec, CancellationToken cancellationToken);

    Task<IReadOnlyList<CameraView>> ListAsync(CancellationToken cancellationToken);

    Task<CameraView?> GetAsync(string cameraId, CancellationToken cancellationToken);

    /// <summary>Stops and unregisters a camera; false when there was none. Its crops stay until retention removes them.</summary>
    Task<bool> RemoveAsync(string cameraId, CancellationToken cancellationToken);
}
