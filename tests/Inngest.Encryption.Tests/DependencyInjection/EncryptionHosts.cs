using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Inngest.Encryption.DependencyInjection;
using Inngest.Testing.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inngest.Encryption.Tests.DependencyInjection;

/// <summary>A typed event whose personal data is in <c>pii</c>, a field name other than the default.</summary>
[InngestEvent("test/profile.updated")]
public sealed partial record ProfileUpdated(string UserId, PersonalData Pii);

/// <summary>
/// Builds hosts as an application would: configuration from a real appsettings.json file (and, when asked, the
/// process environment), the client from <c>AddInngest()</c>, encryption from <c>AddInngestEncryption()</c>, and a logging
/// provider that records everything.
/// </summary>
internal static class EncryptionHosts
{
    /// <summary>An appsettings.json for <paramref name="server"/>, with <paramref name="encryption"/> as <c>Inngest:Encryption</c>.</summary>
    public static string WriteSettings(CaptureServer server, JsonObject? encryption)
    {
        var inngest = new JsonObject
        {
            ["EventKey"] = ClientFactory.EventKey,
            ["BaseUrl"] = server.BaseUrl.ToString(),
            ["MaxAttempts"] = 1,
        };
        if (encryption is not null)
        {
            inngest["Encryption"] = encryption;
        }

        var directory = Path.Combine(Path.GetTempPath(), "inngest-typed-tests", "encryption-di-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "appsettings.json");
        File.WriteAllText(path, new JsonObject { ["Inngest"] = inngest }.ToJsonString());
        return path;
    }

    /// <summary>
    /// A host reading <paramref name="settingsFile"/>. <paramref name="environment"/> is what INNGEST_ENCRYPTION_KEY
    /// reads from (none, when null), unless <paramref name="processEnvironment"/> is set: then the real process
    /// environment is used for that and added to the configuration, as Host.CreateApplicationBuilder does.
    /// </summary>
    public static IHost Build(
        string settingsFile,
        RecordingLoggerProvider? logs = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? environment = null,
        bool processEnvironment = false,
        Func<IConfiguration, IConfiguration>? section = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonFile(settingsFile, optional: false, reloadOnChange: false);
        if (processEnvironment)
        {
            builder.Configuration.AddEnvironmentVariables();
        }
        else
        {
            builder.Services.AddSingleton(new EncryptionEnvironment { Read = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null });
        }

        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        // The client's own INNGEST_* fallbacks stay shut out: the settings file says everything.
        builder.Services.AddInngest(o => o.EnvironmentReader = static _ => null);
        services?.Invoke(builder.Services);
        if (section is null)
        {
            builder.Services.AddInngestEncryption();
        }
        else
        {
            builder.Services.AddInngestEncryption(section(builder.Configuration));
        }

        return builder.Build();
    }
}
