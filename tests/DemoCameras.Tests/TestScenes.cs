namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Scene options small enough for unit tests (a few seconds of rendering).</summary>
internal static class TestScenes
{
    /// <summary>Two cameras of 15 s at the demo's frame size, six people.</summary>
    public static SceneOptions Small { get; } = new() { CameraCount = 2, DurationSeconds = 15, IdentityCount = 6, Seed = 3 };

    /// <summary>A quarter-size scene of 10 s for tests that render several times.</summary>
    public static SceneOptions Tiny { get; } = new() { CameraCount = 2, DurationSeconds = 10, IdentityCount = 3, FrameWidth = 320, FrameHeight = 180, Seed = 5 };
}
