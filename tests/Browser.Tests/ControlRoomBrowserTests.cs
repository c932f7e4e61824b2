using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// The control room in a real browser (Debian's chromium) against the real site that has indexed the
/// small scene: signing in, searching, filtering, the detail view, "more like this", a live alert,
/// the keyboard, and what an operator-only account sees. Each test leaves full-page screenshots of
/// its key steps (see <see cref="Artifacts"/>) and fails on any uncaught script error or CSP violation.
/// </summary>
public sealed class ControlRoomBrowserTests(ControlRoomSite site) : IClassFixture<ControlRoomSite>
{
    private const string Admin = "admin";
    private static readonly TimeSpan AlertDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Signing_in_refuses_a_wrong_password_and_lands_on_search_with_the_right_one()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await RunAsync(session, async () =>
        {
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/login$"));
            await Artifacts.ScreenshotAsync(page, "login", "1-form");

            await page.GetByLabel("User name").FillAsync(Admin);
            await page.GetByLabel("Password").FillAsync("not-the-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong user name or password", new() { IgnoreCase = true });
            await Expect(page).ToHaveURLAsync(new Regex("/login$"));
            await Artifacts.ScreenshotAsync(page, "login", "2-wrong-password");

            await page.GetByLabel("Password").FillAsync(BrowserSiteFactory.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(QueryBox(page)).ToBeVisibleAsync();
            await Expect(QueryBox(page)).ToBeFocusedAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Search" }))
                .ToHaveAttributeAsync("aria-current", "page");
            await Artifacts.ScreenshotAsync(page, "login", "3-search");
        });
    }

    [Fact]
    public async Task A_description_finds_people_one_card_per_track_with_thumbnails()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
            var (_, text) = site.DescribeSomeoneOn(site.Scene.GroundTruth.Cameras[0].Id);
            await SearchAsync(page, text);

            var cards = Results(page);
            var count = await cards.CountAsync();
            Assert.True(count > 0, "no result card");
            await WaitForImagesAsync(page, ".results img");
            var tracks = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.camera + '/' + c.dataset.track)");
            Assert.Equal(tracks.Length, tracks.Distinct().Count());

            // The page shows what the API answers for the same query, in the same order.
            var expected = await site.SearchAsync(new { text, k = 48, groupByTrack = true, cropsPerTrack = 10 });
            var shown = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.crop)");
            Assert.Equal(expected.Select(r => r.CropId), shown);
            await Expect(cards.First).ToContainTextAsync(new Regex(@"\d+ sightings?"));
            await Artifacts.ScreenshotAsync(page, "search", "results");
        });
    }

    [Fact]
    public async Task Filtering_by_camera_leaves_only_that_cameras_people()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
            await SearchAsync(page, "a person walking");
            var before = await Results(page).EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.camera)");
            var chosen = site.Scene.GroundTruth.Cameras[1];
            Assert.True(before.Distinct().Count() > 1, $"the unfiltered results should come from several cameras: {string.Join(", ", before.Distinct())}");

            await page.GetByLabel("Cameras: All cameras").ClickAsync();
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Synthetic street {chosen.Number}" }).CheckAsync();
            await Artifacts.ScreenshotAsync(page, "filter", "1-picker");
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("found") })).ToBeVisibleAsync();
            await Expect(Results(page).First).ToBeVisibleAsync();
            var after = await Results(page).EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.camera)");
            Assert.NotEmpty(after);
            Assert.All(after, camera => Assert.Equal(chosen.Id, camera));
            await Artifacts.ScreenshotAsync(page, "filter", "2-one-camera");
        });
    }

    [Fact]
    public async Task Opening_a_result_shows_the_boxed_frame_and_sightings_and_more_like_this_replaces_the_results()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
            await SearchAsync(page, "a person walking");
            var original = await Results(page).EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.crop)");

            // The card with the most sightings, so that the timeline has something to step through.
            var index = await Results(page).EvaluateAllAsync<int>(
                "cards => { const n = cards.map(c => parseInt(c.querySelector('.sightings-count').textContent, 10)); return n.indexOf(Math.max(...n)); }");
            var card = Results(page).Nth(index);
            var openedTrack = await card.GetAttributeAsync("data-track");
            var openedCamera = await card.GetAttributeAsync("data-camera");
            var sightings = int.Parse((await card.Locator(".sightings-count").TextContentAsync())!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            await card.ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await WaitForImagesAsync(page, "dialog .frame-image");
            var dots = dialog.Locator(".timeline-dot");
            Assert.Equal(Math.Min(sightings, 10), await dots.CountAsync());
            Assert.Equal(await dots.CountAsync(), await dialog.Locator(".sighting").CountAsync());
            await Artifacts.ScreenshotAsync(page, "detail", "1-frame");

            Assert.True(await dots.CountAsync() > 1, "the site keeps several shots per track: the opened person should have several sightings");
            {
                var first = await dialog.Locator(".frame-image").GetAttributeAsync("src");
                var otherCrop = await dialog.Locator(".sighting[aria-pressed=false]").First.GetAttributeAsync("data-crop");
                var other = dialog.Locator($".sighting[data-crop='{otherCrop}']");
                await other.ClickAsync();
                await Expect(other).ToHaveAttributeAsync("aria-pressed", "true");
                await Expect(dialog.Locator(".frame-image")).Not.ToHaveAttributeAsync("src", first!);
                await WaitForImagesAsync(page, "dialog .frame-image");
                await Artifacts.ScreenshotAsync(page, "detail", "2-other-sighting");
            }

            await dialog.GetByRole(AriaRole.Button, new() { Name = "More like this" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByText("Similar to the person on")).ToBeVisibleAsync();
            await Expect(Results(page).First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("found") })).ToBeVisibleAsync();
            var similar = await Results(page).EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.camera + '/' + c.dataset.track + '/' + c.dataset.crop)");
            Assert.NotEmpty(similar);
            Assert.DoesNotContain(similar, s => s.StartsWith($"{openedCamera}/{openedTrack}/", StringComparison.Ordinal));
            Assert.NotEqual(original, similar.Select(s => s.Split('/')[2]).ToArray());
            await Artifacts.ScreenshotAsync(page, "detail", "3-more-like-this");

            // The chip leads back to the text results.
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Back to the results") }).ClickAsync();
            await Expect(page.GetByText("Similar to the person on")).ToBeHiddenAsync();
            Assert.Equal(original, await Results(page).EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.crop)"));
        });
    }

    [Fact]
    public async Task A_watchlist_created_in_the_page_raises_a_live_alert_when_its_person_walks_by_again()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        var camera = site.Scene.GroundTruth.Cameras[0];
        var (_, text) = site.DescribeSomeoneOn(camera.Id);
        var replayId = $"replay-{Guid.NewGuid():N}"[..20];
        var watchlistName = $"Watch {Guid.NewGuid():N}"[..14];
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
            // A server flushes the stream's headers at once or with its first ping (every 15 s).
            await Expect(page.GetByText("Alert stream: Live")).ToBeVisibleAsync(new() { Timeout = 20_000 });

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(watchlistName);
            await page.GetByLabel("Description").FillAsync(text);
            await page.GetByLabel("Threshold").FillAsync("1.0");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create watchlist" }).ClickAsync();
            var row = page.GetByRole(AriaRole.Table, new() { Name = "Watchlists" }).GetByRole(AriaRole.Row).Filter(new() { HasText = watchlistName });
            await Expect(row).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, "alert", "1-watchlist");

            // The same street again, as a new camera: the described person walks by once more.
            var replay = new { id = replayId, name = "Replay of street 1", source = site.Scene.VideoPath(camera), sampleRate = 5, detector = "motion", loop = true, paced = false };
            using (var added = await site.Admin.PostAsJsonAsync("/api/cameras", replay, TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            try
            {
                var alert = page.GetByRole(AriaRole.List, new() { Name = "Alerts, newest first" }).GetByRole(AriaRole.Button).Filter(new() { HasText = watchlistName });
                await Expect(alert.First).ToBeVisibleAsync(new() { Timeout = (float)AlertDeadline.TotalMilliseconds });
                await Expect(row).Not.ToContainTextAsync("never");
                await Artifacts.ScreenshotAsync(page, "alert", "2-alert");

                await alert.First.ClickAsync();
                var dialog = page.GetByRole(AriaRole.Dialog);
                await Expect(dialog).ToContainTextAsync(watchlistName);
                await WaitForImagesAsync(page, "dialog .frame-image");
                await Artifacts.ScreenshotAsync(page, "alert", "3-detail");
                await page.Keyboard.PressAsync("Escape");
                await Expect(dialog).ToBeHiddenAsync();
            }
            finally
            {
                using var removed = await site.Admin.DeleteAsync($"/api/cameras/{replayId}", TestContext.Current.CancellationToken);
            }
        });
    }

    [Fact]
    public async Task The_keyboard_focuses_the_query_moves_the_selection_opens_and_closes_the_detail()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
            await page.Locator("main").FocusAsync();
            await Expect(QueryBox(page)).Not.ToBeFocusedAsync();
            await page.Keyboard.PressAsync("/");
            await Expect(QueryBox(page)).ToBeFocusedAsync();

            await page.Keyboard.TypeAsync("a person walking");
            await page.Keyboard.PressAsync("Enter");
            await Expect(Results(page).First).ToBeVisibleAsync();
            Assert.True(await Results(page).CountAsync() >= 3, "the keyboard test needs three results");

            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(Results(page).Nth(0)).ToBeFocusedAsync();
            await Expect(Results(page).Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(Results(page).Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(Results(page).Nth(0)).ToHaveAttributeAsync("aria-selected", "false");
            await page.Keyboard.PressAsync("j");
            await Expect(Results(page).Nth(2)).ToHaveAttributeAsync("aria-selected", "true");
            await page.Keyboard.PressAsync("k");
            await Expect(Results(page).Nth(1)).ToBeFocusedAsync();
            await Artifacts.ScreenshotAsync(page, "keyboard", "1-selection");

            var selectedCrop = await Results(page).Nth(1).GetAttributeAsync("data-crop");
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog).ToHaveAttributeAsync("data-crop", selectedCrop!);
            await Artifacts.ScreenshotAsync(page, "keyboard", "2-detail");
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(Results(page).Nth(1)).ToBeFocusedAsync();
        });
    }

    [Fact]
    public async Task An_operator_only_account_sees_no_administration_and_cannot_add_cameras()
    {
        var name = $"op{Guid.NewGuid():N}"[..12];
        const string password = "operator-only-password";
        using (var created = await site.Admin.PostAsJsonAsync("/api/users", new { name, password, roles = new[] { "operator" } }, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var session = await site.OpenAsync();
        var page = session.Page;
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, name, password);
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Search" })).ToBeVisibleAsync();
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Cameras" })).ToBeVisibleAsync();
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
            await Expect(page.Locator("#user")).ToContainTextAsync(name);

            await nav.GetByRole(AriaRole.Link, new() { Name = "Cameras" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Cameras and their health" }).GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add camera" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Remove") })).ToHaveCountAsync(0);
            await Artifacts.ScreenshotAsync(page, "operator", "1-cameras");

            await page.GotoAsync("/#/admin/users");
            await Expect(page.GetByText("Your account may not open this page.")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, "operator", "2-no-admin");
        });
    }

    [Fact]
    public async Task An_admin_creates_an_api_key_shown_once_that_works_until_revoked_and_finds_it_all_in_the_verified_audit_trail()
    {
        var keyName = $"wall-{Guid.NewGuid():N}"[..13];
        await using var session = await site.OpenAsync();
        var page = session.Page;
        using var api = new HttpClient { BaseAddress = site.BaseAddress };
        await RunAsync(session, async () =>
        {
            await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
            await page.GotoAsync("/#/admin/keys");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(keyName);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();

            var secretBox = page.GetByRole(AriaRole.Dialog).GetByLabel("The API key secret");
            await Expect(secretBox).ToHaveValueAsync(new Regex("^vfk_"));
            await Artifacts.ScreenshotAsync(page, "admin", "1-key-shown-once");
            var secret = await secretBox.InputValueAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "I have stored the key" }).ClickAsync();
            var row = page.GetByRole(AriaRole.Table, new() { Name = "API keys" }).GetByRole(AriaRole.Row).Filter(new() { HasText = keyName });
            await Expect(row).ToContainTextAsync("active");
            Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(api, secret));

            await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Revoke") }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();
            await Expect(row).ToContainTextAsync("revoked");
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(api, secret));

            await page.GotoAsync("/#/admin/audit");
            var entries = page.GetByRole(AriaRole.Table, new() { Name = "Audit entries, newest first" });
            await Expect(entries.GetByRole(AriaRole.Row).Filter(new() { HasText = "key.revoke" }).First).ToBeVisibleAsync();
            await Expect(entries.GetByRole(AriaRole.Row).Filter(new() { HasText = "key.create" }).First).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();
            await Expect(page.GetByText(new Regex("^Chain intact"))).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(page, "admin", "2-audit-verified");
        });
    }

    [Fact]
    public async Task Markup_in_names_and_queries_is_shown_as_text_never_run()
    {
        const string Payload = "<img src=x onerror=\"window.injected=1\">";
        var cameraId = $"markup-{Guid.NewGuid():N}"[..16];
        var camera = new { id = cameraId, name = $"Door {Payload}", source = site.Scene.VideoPath(site.Scene.GroundTruth.Cameras[0]), detector = "motion", loop = false, paced = true };
        using (var added = await site.Admin.PostAsJsonAsync("/api/cameras", camera, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        await using var session = await site.OpenAsync();
        var page = session.Page;
        try
        {
            await RunAsync(session, async () =>
            {
                await SignInAsync(page, Admin, BrowserSiteFactory.AdminPassword);
                await SearchAsync(page, $"a person {Payload}");
                await page.GotoAsync("/#/cameras");
                var cell = page.Locator($"tr[data-camera='{cameraId}'] td").First;
                await Expect(cell).ToContainTextAsync(camera.name);
                Assert.Equal(0, await cell.Locator("img").CountAsync());
                await Artifacts.ScreenshotAsync(page, "injection", "cameras");
                Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
            });
        }
        finally
        {
            using var removed = await site.Admin.DeleteAsync($"/api/cameras/{cameraId}", TestContext.Current.CancellationToken);
        }
    }

    private static async Task<HttpStatusCode> StatusWithKeyAsync(HttpClient client, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/model");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static ILocator QueryBox(IPage page) => page.GetByRole(AriaRole.Searchbox, new() { Name = "Description" });

    private static ILocator Results(IPage page) =>
        page.GetByRole(AriaRole.Listbox, new() { Name = "Results, best match first" }).GetByRole(AriaRole.Option);

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#user")).ToContainTextAsync(user);
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await QueryBox(page).FillAsync(text);
        await QueryBox(page).PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("found|No one") })).ToBeVisibleAsync();
        await Expect(Results(page).First).ToBeVisibleAsync();
    }

    /// <summary>Waits until every image matched has loaded with pixels (naturalWidth &gt; 0).</summary>
    private static Task WaitForImagesAsync(IPage page, string selector) =>
        page.WaitForFunctionAsync(
            "selector => { const images = [...document.querySelectorAll(selector)]; return images.length > 0 && images.every(i => i.complete && i.naturalWidth > 0); }",
            selector,
            new PageWaitForFunctionOptions { Timeout = 15_000 });

    /// <summary>Runs a test's steps; on failure leaves a screenshot of where it stood. Fails on script errors and CSP violations.</summary>
    private static async Task RunAsync(BrowserSession session, Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            await Artifacts.ScreenshotAsync(session.Page, "failed", test);
            throw;
        }

        Assert.Empty(session.Problems);
    }
}
