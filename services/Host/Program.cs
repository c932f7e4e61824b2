using VfeTps.Stream.Host.Site;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedSite();
var app = builder.Build();
app.MapEmbeddedSite();
await app.RunAsync();

/// <summary>The embedded site's entry point (public for WebApplicationFactory in the pipeline tests).</summary>
public partial class Program;
