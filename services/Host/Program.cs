using VfeTps.Stream.Host.Site;

// appsettings.json beside the program; data paths relative to the working directory (see SitePaths).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEmbeddedSite();
var app = builder.Build();
app.MapEmbeddedSite();
await app.RunAsync();

/// <summary>The embedded site's entry point (public for WebApplicationFactory in the pipeline tests).</summary>
public partial class Program;
