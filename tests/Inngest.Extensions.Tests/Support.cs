using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Inngest.Extensions.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Telemetry listeners and meters are process-wide: run the classes one after another so counts stay exact.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Inngest.Extensions.Tests;

public sealed record AccountCreated(string AccountId, string BillingPlan);

public sealed record InvoicePaid(string InvoiceId, decimal Amount);

/// <summary>A payload with a hand-written IInngestEventData implementation, as the generator would emit it.</summary>
public sealed record UserDeleted(string UserId) : IInngestEventData<UserDeleted>
{
    public static string EventName => "app/user.deleted";

    public static string? EventVersion => "2024-05-15.1";

    public static JsonTypeInfo<UserDeleted> JsonTypeInfo => TestJson.Default.UserDeleted;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AccountCreated))]
[JsonSerializable(typeof(InvoicePaid))]
[JsonSerializable(typeof(UserDeleted))]
public sealed partial class TestJson : JsonSerializerContext
{
}

public static class Events
{
    public const string Key = "secret-key-5f3a";

    public static InngestEvent<AccountCreated> Account(string plan = "pro", InngestUser? user = null)
        => new("app/account.created", new AccountCreated("645e9f6794e10937e9bdc201", plan), TestJson.Default.AccountCreated) { User = user };

    public static InngestEvent<InvoicePaid> Invoice(string id = "inv-1")
        => new("billing/invoice.paid", new InvoicePaid(id, 12.5m), TestJson.Default.InvoicePaid);

    public static InngestUser Taylor => new() { ExternalId = "645ea000129f1c40109ca7ad", Email = "taylor@example.com" };
}

/// <summary>Builds a host the way an app would, with configuration in memory and the machine's environment shut out.</summary>
public static class Hosts
{
    public static Dictionary<string, string?> Config(CaptureServer server, params (string Key, string? Value)[] extra)
    {
        var config = new Dictionary<string, string?>
        {
            ["Inngest:EventKey"] = Events.Key,
            ["Inngest:BaseUrl"] = server.BaseUrl.ToString(),
            ["Inngest:InitialRetryDelay"] = "00:00:00.001",
            ["Inngest:MaxRetryJitter"] = "00:00:00.001",
        };
        foreach (var (key, value) in extra)
        {
            config[key] = value;
        }

        return config;
    }

    public static IHost Build(
        Dictionary<string, string?> config,
        Action<InngestOptions>? configure = null,
        Action<IHttpClientBuilder>? http = null,
        Action<IServiceCollection>? services = null,
        Dictionary<string, string>? environment = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        services?.Invoke(builder.Services);
        var client = builder.Services.AddInngest(o =>
        {
            o.EnvironmentReader = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null;
            configure?.Invoke(o);
        });
        http?.Invoke(client);
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(Dictionary<string, string?> config, Action<InngestOptions>? configure = null, Action<IHttpClientBuilder>? http = null, Action<IServiceCollection>? services = null, Dictionary<string, string>? environment = null)
    {
        var host = Build(config, configure, http, services, environment);
        await host.StartAsync();
        return host;
    }
}
