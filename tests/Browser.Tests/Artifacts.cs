using Microsoft.Playwright;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// Where the browser tests leave their screenshots: the folder in <c>$VFETPS_TEST_ARTIFACTS</c> when set, else
/// <c>TestResults/screenshots/</c> under the test output folder.
/// </summary>
internal static class Artifacts
{
    public static string ScreenshotFolder { get; } = CreateFolder();

    /// <summary>A full-page screenshot named after the test and the step.</summary>
    public static async Task ScreenshotAsync(IPage page, string test, string step)
    {
        var path = Path.Combine(ScreenshotFolder, $"{test}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    private static string CreateFolder()
    {
        var root = Environment.GetEnvironmentVariable("VFETPS_TEST_ARTIFACTS");
        var folder = string.IsNullOrWhiteSpace(root)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")
            : Path.GetFullPath(root);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
