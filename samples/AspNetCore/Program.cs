using Inngest.Samples.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateSlimBuilder(args);

// IInngestClient over IHttpClientFactory, configured from the "Inngest" section (appsettings.json, user secrets,
// Inngest__EventKey) and the INNGEST_* variables; bad settings fail the start. Sends are logged through ILogger.
builder.Services.AddInngest();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJson.Default));

var app = builder.Build();
app.MapPost("/signup", SignupEndpoint.HandleAsync);
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
