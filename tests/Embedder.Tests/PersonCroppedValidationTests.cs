using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Embedder.Tests;

public sealed class PersonCroppedValidationTests
{
    private static readonly PersonCropped Valid = SyntheticCrops.Event("lobby", 42, 1);

    [Fact]
    public void A_well_formed_event_has_no_problem()
    {
        Assert.Null(PersonCroppedValidation.Problem(Valid));
        Assert.Null(PersonCroppedValidation.Problem(Valid with { Quality = 0 }));
        Assert.Null(PersonCroppedValidation.Problem(Valid with { Box = new BoundingBox(0, 0, 1, 1) }));
    }

    [Fact]
    public void A_null_event_is_a_problem()
    {
        Assert.Equal("the event is null", PersonCroppedValidation.Problem(null));
    }

    public static TheoryData<string, PersonCropped, string> Problems => new()
    {
        { "no crop id", Valid with { CropId = null! }, "not a crop id" },
        { "empty crop id", Valid with { CropId = "" }, "not a crop id" },
        { "two-part crop id", Valid with { CropId = "lobby.42" }, "not a crop id" },
        { "upper-case camera in the id", Valid with { CropId = "Lobby.42.1" }, "not a crop id" },
        { "negative track in the id", Valid with { CropId = "lobby.-42.1" }, "not a crop id" },
        { "camera differs", Valid with { CameraId = "gate-2" }, "does not match camera 'gate-2'" },
        { "no camera", Valid with { CameraId = null! }, "does not match" },
        { "track differs", Valid with { TrackId = 43 }, "does not match" },
        { "shot differs", Valid with { ShotIndex = 0 }, "does not match" },
        { "zero width", Valid with { Box = new BoundingBox(5, 5, 0, 10) }, "is empty" },
        { "zero height", Valid with { Box = new BoundingBox(5, 5, 10, 0) }, "is empty" },
        { "negative width", Valid with { Box = new BoundingBox(5, 5, -10, 10) }, "is empty" },
        { "no crop key", Valid with { CropKey = null! }, "is not the key of crop" },
        { "crop key with '..'", Valid with { CropKey = "crops/../../secret" }, "is not the key of crop" },
        { "absolute crop key", Valid with { CropKey = "/crops/lobby.42.1.jpg" }, "is not the key of crop" },
        { "another crop's key", Valid with { CropKey = "crops/lobby.42.2.jpg" }, "is not the key of crop" },
        { "upper-case frame key", Valid with { FrameKey = "Frames/lobby/1.jpg" }, "not a blob key" },
        { "empty frame key", Valid with { FrameKey = "" }, "not a blob key" },
        { "NaN quality", Valid with { Quality = float.NaN }, "not a number from 0 to 1" },
        { "infinite quality", Valid with { Quality = float.NegativeInfinity }, "not a number from 0 to 1" },
        { "quality above 1", Valid with { Quality = 1.5f }, "not a number from 0 to 1" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_malformed_event_gets_a_problem_that_says_what_is_wrong(string what, PersonCropped crop, string expected)
    {
        var problem = PersonCroppedValidation.Problem(crop);

        Assert.NotNull(problem);
        Assert.True(problem.Contains(expected, StringComparison.Ordinal), $"{what}: '{problem}' does not say '{expected}'.");
    }
}
