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
    /// <summary>Every configuration key, with how its value is read and where it goes: the one list of bound settings.</summary>
    private static readonly Setting[] Settings =
    {
        Setting.ForText(nameof(InngestOptions.EventKey), static (o, v) => o.EventKey = v),
        Setting.ForText(nameof(InngestOptions.BaseUrl), static (o, v) => o.BaseUrl = v),
        Setting.ForText(nameof(InngestOptions.Env), static (o, v) => o.Env = v),
        Setting.ForBool(nameof(InngestOptions.IsDev), static (o, v) => o.IsDev = v),
        Setting.ForBool(nameof(InngestOptions.BuiltInRetries), static (o, v) => o.BuiltInRetries = v),
        Setting.ForBool(nameof(InngestOptions.RequireEventKey), static (o, v) => o.RequireEventKey = v),
        Setting.ForBool(nameof(InngestOptions.RedactEventKeyInHttpTelemetry), static (o, v) => o.RedactEventKeyInHttpTelemetry = v),
        Setting.ForBool(nameof(InngestOptions.AllowInsecureHttp), static (o, v) => o.AllowInsecureHttp = v),
        Setting.ForInt(nameof(InngestOptions.MaxAttempts), "5", static (o, v) => o.MaxAttempts = v),
        Setting.ForInt(nameof(InngestOptions.MaxEventBytes), "262144", static (o, v) => o.MaxEventBytes = v),
        Setting.ForInt(nameof(InngestOptions.MaxEventsPerRequest), "5000", static (o, v) => o.MaxEventsPerRequest = v),
        Setting.ForInt(nameof(InngestOptions.MaxRequestBytes), "262144", static (o, v) => o.MaxRequestBytes = v),
        Setting.ForTime(nameof(InngestOptions.InitialRetryDelay), static (o, v) => o.InitialRetryDelay = v),
        Setting.ForTime(nameof(InngestOptions.MaxRetryJitter), static (o, v) => o.MaxRetryJitter = v),
        Setting.ForTime(nameof(InngestOptions.MaxRetryDelay), static (o, v) => o.MaxRetryDelay = v),
        Setting.ForTime(nameof(InngestOptions.AttemptTimeout), static (o, v) => o.AttemptTimeout = v),
    };

    public static void Bind(IConfiguration section, InngestOptions options, List<string> errors)
    {
        var path = section is IConfigurationSection s ? s.Path : InngestOptions.SectionName;
        foreach (var setting in Settings)
        {
            if (Text(section, setting.Key) is { } value)
            {
                setting.Apply(options, value, $"{path}:{setting.Key}", errors);
            }
        }
    }

    /// <summary>One bound key: reads its text, and either sets the option or records what to fix.</summary>
    private sealed class Setting
    {
        private readonly Action<InngestOptions, string, string, List<string>> _apply;

        private Setting(string key, Action<InngestOptions, string, string, List<string>> apply)
        {
            Key = key;
            _apply = apply;
        }

        public string Key { get; }

        public void Apply(InngestOptions options, string value, string where, List<string> errors) => _apply(options, value, where, errors);

        public static Setting ForText(string key, Action<InngestOptions, string> set) => new(key, (o, v, _, _) => set(o, v));

        public static Setting ForBool(string key, Action<InngestOptions, bool> set)
            => new(key, (o, v, where, errors) =>
            {
                if (Bool(v, where, errors) is { } parsed)
                {
                    set(o, parsed);
                }
            });

        public static Setting ForInt(string key, string example, Action<InngestOptions, int> set)
            => new(key, (o, v, where, errors) =>
            {
                if (Int(v, where, example, errors) is { } parsed)
                {
                    set(o, parsed);
                }
            });

        public static Setting ForTime(string key, Action<InngestOptions, TimeSpan> set)
            => new(key, (o, v, where, errors) =>
            {
                if (Time(v, where, errors) is { } parsed)
                {
                    set(o, parsed);
                }
            });
    }

    private static string? Text(IConfiguration section, string key)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool? Bool(string value, string where, List<string> errors)
    {
        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        if (value == "1" || value == "0")
        {
            return value == "1";
        }

        errors.Add($"{where} is '{value}'; set it to true or false.");
        return null;
    }

    private static int? Int(string value, string where, string example, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{where} is '{value}'; set it to a whole number such as {example}.");
        return null;
    }

    private static TimeSpan? Time(string value, string where, List<string> errors)
    {
        // TimeSpan reads a bare number as days ("60" is 60 days): almost always a typo for seconds, and one that
        // used to pass validation and then fail every send. Refuse it and show both readings.
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add($"{where} is '{value}', a bare number, which a time span reads as {number} days; write it as hh:mm:ss, for example {Seconds(number)} for {number} seconds (or {number}.00:00:00 if you mean days).");
            return null;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{where} is '{value}'; set it to a time span in the form hh:mm:ss(.fff), for example 00:00:30 for 30 seconds.");
        return null;
    }

    private static string Seconds(int seconds)
        => seconds is >= 0 and < 86400 ? TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture) : "00:00:30";
}
