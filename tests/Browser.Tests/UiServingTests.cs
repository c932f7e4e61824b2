using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// How the real site serves the control-room UI, without a browser: the session gate on the app, the
/// security headers, content types, validators and caching, and that no request path reaches anything
/// but the UI's own files. Also checks the UI's source for what the CSP and the injection rule forbid.
/// </summary>
public sealed partial class UiServingTests(ServingSite serving) : IClassFixture<ServingSite>
{
    private const string Policy =
        "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; script-src 'self'; style-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    [Fact]
    public async Task The_app_without_a_session_redirects_to_the_login_page()
    {
        using var client = serving.Anonymous();
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_app_with_a_session_is_the_shell_and_the_login_page_needs_none()
    {
        using var signedIn = await serving.SignedInAsync();
        using var app = await signedIn.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal("text/html", app.Content.Headers.ContentType?.MediaType);
        Assert.Contains("src=\"/ui/js/main.js\"", await app.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var anonymous = serving.Anonymous();
        using var login = await anonymous.GetAsync("/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("src=\"/ui/js/login.js\"", await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/login", "text/html", "no-cache")]
    [InlineData("/ui/app.css", "text/css", "public, max-age=300")]
    [InlineData("/ui/js/main.js", "text/javascript", "public, max-age=300")]
    [InlineData("/ui/js/pages/search.js", "text/javascript", "public, max-age=300")]
    [InlineData("/ui/icon.svg", "image/svg+xml", "public, max-age=300")]
    public async Task Pages_and_assets_are_anonymous_typed_cached_and_carry_the_security_headers(string path, string mediaType, string cacheControl)
    {
        using var client = serving.Anonymous();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 0);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_matching_ETag_is_answered_304_without_a_body_and_another_gets_the_file()
    {
        using var client = serving.Anonymous();
        using var first = await client.GetAsync("/ui/js/api.js", TestContext.Current.CancellationToken);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/ui/js/api.js");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(tag, notModified.Headers.ETag);
        AssertSecurityHeaders(notModified);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/ui/js/api.js");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(other, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var page = await client.GetAsync("/login", TestContext.Current.CancellationToken);
        Assert.NotEqual(tag, page.Headers.ETag);
    }

    [Theory]
    [InlineData("/ui/nothing.js")]
    [InlineData("/ui/")]
    [InlineData("/ui/js")]
    [InlineData("/ui/index.html")]
    [InlineData("/ui/APP.CSS")]
    [InlineData("/ui/.hidden.js")]
    [InlineData("/ui/js/main.js.map")]
    public async Task Anything_that_is_not_one_of_the_ui_files_is_404(string path)
    {
        using var client = serving.Anonymous();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        AssertSecurityHeaders(response);
    }

    /// <summary>
    /// Encoded dot segments and separators either stay inside the catch-all (refused: 404) or are resolved
    /// by the server before routing, which leaves /ui/ (then the site's own rules answer, 401 without a
    /// session): no file outside the UI is ever read.
    /// </summary>
    [Theory]
    [InlineData("/ui/..%2Flogin.html")]
    [InlineData("/ui/js/..%2F..%2Flogin.html")]
    [InlineData("/ui/%5C..%5Clogin.html")]
    [InlineData("/ui/..%5Capp.css")]
    [InlineData("/ui/%2E%2E/%2E%2E/appsettings.json")]
    [InlineData("/ui/js/%2e%2e/%2e%2e/%2e%2e/VfeTps.Stream.Search.dll")]
    public async Task Traversal_attempts_never_serve_a_file(string path)
    {
        using var client = serving.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{path} answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"Site\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ui_source_needs_nothing_the_policy_forbids_and_never_parses_markup()
    {
        using var client = serving.Anonymous();
        var html = await client.GetStringAsync("/login", TestContext.Current.CancellationToken);
        using var signedIn = await serving.SignedInAsync();
        html += await signedIn.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(InlineHandler(), html);

        // Every module the app loads, followed through its imports: all served, none builds markup from strings.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(["/ui/js/main.js", "/ui/js/login.js"]);
        while (pending.TryDequeue(out var module))
        {
            if (!seen.Add(module))
                continue;
            using var response = await client.GetAsync(module, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{module} is imported but answered {(int)response.StatusCode}");
            var source = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotMatch(MarkupSinks(), source);
            Assert.DoesNotMatch(ExternalUrl(), source);
            foreach (Match import in Import().Matches(source))
                pending.Enqueue(new Uri(new Uri("http://site" + module), import.Groups["path"].Value).AbsolutePath);
        }

        Assert.True(seen.Count >= 10, $"only {seen.Count} modules found from main.js: {string.Join(", ", seen)}");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(Policy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write|\beval\(|new Function\(")]
    private static partial Regex MarkupSinks();

    [GeneratedRegex(@"https?://(?!site)[a-z0-9]", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(@"(?:import|from)\s*\(?\s*'(?<path>\.{1,2}/[^']+)'")]
    private static partial Regex Import();
}
