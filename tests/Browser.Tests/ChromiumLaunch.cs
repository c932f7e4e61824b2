using Microsoft.Playwright;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// Debian's chromium (Playwright's own browser download cannot run here), headless, without the
/// sandbox (tests run as root in a container) and without anything that reaches out to the network.
/// </summary>
internal static class ChromiumLaunch
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions Options { get; } = new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
        ],
    };
}
