using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Search.Tests;

/// <summary>
/// A test stand-in for the camera registry (the real one, over SQLite with camera workers, lives in
/// FrameIngest, which Search must not reference). It keeps the <see cref="ICameraDirectory"/>
/// contract: ArgumentException with a message for an invalid spec, CameraAlreadyRegisteredException
/// for a duplicate id, sources returned with credentials masked.
/// </summary>
internal sealed class InMemoryCameraDirectoryForTests : ICameraDirectory
{
    private readonly ConcurrentDictionary<string, CameraView> _cameras = new(StringComparer.Ordinal);
    private Exception? _failure;

    /// <summary>When set, the next valid add throws it and registers nothing (as the real registry does when it cannot announce the camera).</summary>
    public Exception? FailNextAdd
    {
        get => Volatile.Read(ref _failure);
        set => Volatile.Write(ref _failure, value);
    }

    public Task<CameraView> AddAsync(CameraSpec spec, CancellationToken cancellationToken)
    {
        CameraIds.Validate(spec.Id);
        if (string.IsNullOrWhiteSpace(spec.Name))
            throw new ArgumentException("The camera needs a display name.", nameof(spec.Name));
        if (spec.SampleRate is not (> 0 and <= CameraSpec.MaxSampleRate))
            throw new ArgumentException($"The sample rate must be above 0 and at most {CameraSpec.MaxSampleRate} frames per second.", nameof(spec.SampleRate));
        if (!DetectorKinds.IsKnown(spec.Detector))
            throw new ArgumentException($"Unknown detector '{spec.Detector}'.", nameof(spec.Detector));
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
            throw failure;
        var view = new CameraView(spec.Id, spec.Name, Mask(spec.Source), spec.SampleRate, spec.Detector, spec.Loop, spec.Paced, DateTimeOffset.UtcNow, CameraHealth.NotStarted);
        if (!_cameras.TryAdd(spec.Id, view))
            throw new CameraAlreadyRegisteredException($"A camera with the id '{spec.Id}' exists.") { CameraId = spec.Id };
        return Task.FromResult(view);
    }

    public Task<IReadOnlyList<CameraView>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CameraView>>([.. _cameras.Values.OrderBy(camera => camera.Id, StringComparer.Ordinal)]);

    public Task<CameraView?> GetAsync(string cameraId, CancellationToken cancellationToken) =>
        Task.FromResult(_cameras.GetValueOrDefault(cameraId));

    public Task<bool> RemoveAsync(string cameraId, CancellationToken cancellationToken) =>
        Task.FromResult(_cameras.TryRemove(cameraId, out _));

    private static string Mask(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? source.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : source;
}
