using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// Reads the <c>Inngest</c> section into <see cref="InngestOptions"/> without reflection (AOT-safe). A value
/// that does not parse is not thrown at once: it is kept and reported by the validator with the key and the fix.
/// </summary>
internal static class InngestConfigurationBinder
{
    public static void Bind(IConfiguration section, InngestOptions options, List<string> errors)
    {
        var path = section is IConfigurationSection s ? s.Path : InngestOptions.SectionName;

        if (Text(section, nameof(InngestOptions.EventKey)) is { } key)
        {
            options.EventKey = key;
        }

        if (Text(section, nameof(InngestOptions.BaseUrl)) is { } baseUrl)
        {
            options.BaseUrl = baseUrl;
        }

        if (Text(section, nameof(InngestOptions.Env)) is { } env)
        {
            options.Env = env;
        }

        if (Bool(section, path, nameof(InngestOptions.IsDev), errors) is { } isDev)
        {
            options.IsDev = isDev;
        }

        if (Bool(section, path, nameof(InngestOptions.BuiltInRetries), errors) is { } builtIn)
        {
            options.BuiltInRetries = builtIn;
        }

        if (Bool(section, path, nameof(InngestOptions.RequireEventKey), errors) is { } require)
        {
            options.RequireEventKey = require;
        }

        if (Bool(section, path, nameof(InngestOptions.RedactEventKeyInHttpTelemetry), errors) is { } redact)
        {
            options.RedactEventKeyInHttpTelemetry = redact;
        }

        if (Int(section, path, nameof(InngestOptions.MaxAttempts), errors) is { } attempts)
        {
            options.MaxAttempts = attempts;
        }

        if (Int(section, path, nameof(InngestOptions.MaxEventBytes), errors) is { } bytes)
        {
            options.MaxEventBytes = bytes;
        }

        if (Int(section, path, nameof(InngestOptions.MaxEventsPerRequest), errors) is { } perRequest)
        {
            options.MaxEventsPerRequest = perRequest;
        }

        if (Int(section, path, nameof(InngestOptions.MaxRequestBytes), errors) is { } requestBytes)
        {
            options.MaxRequestBytes = requestBytes;
        }

        if (Bool(section, path, nameof(InngestOptions.AllowInsecureHttp), errors) is { } insecure)
        {
            options.AllowInsecureHttp = insecure;
        }

        if (Time(section, path, nameof(InngestOptions.InitialRetryDelay), errors) is { } initial)
        {
            options.InitialRetryDelay = initial;
        }

        if (Time(section, path, nameof(InngestOptions.MaxRetryJitter), errors) is { } jitter)
        {
            options.MaxRetryJitter = jitter;
        }

        if (Time(section, path, nameof(InngestOptions.MaxRetryDelay), errors) is { } maxDelay)
        {
            options.MaxRetryDelay = maxDelay;
        }

        if (Time(section, path, nameof(InngestOptions.AttemptTimeout), errors) is { } timeout)
        {
            options.AttemptTimeout = timeout;
        }
    }

    private static string? Text(IConfiguration section, string key)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool? Bool(IConfiguration section, string path, string key, List<string> errors)
    {
        var value = Text(section, key);
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        if (value == "1" || value == "0")
        {
            return value == "1";
        }

        errors.Add($"{path}:{key} is '{value}'; set it to true or false.");
        return null;
    }

    private static int? Int(IConfiguration section, string path, string key, List<string> errors)
    {
        var value = Text(section, key);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{path}:{key} is '{value}'; set it to a whole number such as {Example(key)}.");
        return null;
    }

    private static TimeSpan? Time(IConfiguration section, string path, string key, List<string> errors)
    {
        var value = Text(section, key);
        if (value is null)
        {
            return null;
        }

        // TimeSpan reads a bare number as days ("60" is 60 days): almost always a typo for seconds, and one that
        // used to pass validation and then fail every send. Refuse it and show both readings.
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add($"{path}:{key} is '{value}', a bare number, which a time span reads as {number} days; write it as hh:mm:ss, for example {Seconds(number)} for {number} seconds (or {number}.00:00:00 if you mean days).");
            return null;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{path}:{key} is '{value}'; set it to a time span in the form hh:mm:ss(.fff), for example 00:00:30 for 30 seconds.");
        return null;
    }

    private static string Seconds(int seconds)
        => seconds is >= 0 and < 86400 ? TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture) : "00:00:30";

    private static string Example(string key) => key switch
    {
        nameof(InngestOptions.MaxAttempts) => "5",
        nameof(InngestOptions.MaxEventBytes) or nameof(InngestOptions.MaxRequestBytes) => "262144",
        _ => "5000",
    };
}
