using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>A camera directory with a fixed list (a fake: the real one is FrameIngest's SQLite registry, which starts workers).</summary>
internal sealed class FixedCameraDirectory(params CameraSpec[] cameras) : ICameraDirectory
{
    public Task<CameraView> AddAsync(CameraSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CameraView>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CameraView>>([.. cameras.Select(View)]);

    public Task<CameraView?> GetAsync(string cameraId, CancellationToken cancellationToken) =>
        Task.FromResult(cameras.Where(camera => camera.Id == cameraId).Select(View).FirstOrDefault());

    public Task<bool> RemoveAsync(string cameraId, CancellationToken cancellationToken) => throw new NotSupportedException();

    private static CameraView View(CameraSpec camera) =>
        new(camera.Id, camera.Name, camera.Source, camera.SampleRate, camera.Detector, camera.Loop, camera.Paced, DateTimeOffset.UnixEpoch, CameraHealth.NotStarted);
}
