using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// Keeps the event key out of HTTP client traces. The client's requests go to <c>{base}/e/{eventKey}</c>, and
/// .NET's HTTP client span (ActivitySource <c>System.Net.Http</c>, also used by OpenTelemetry's HttpClient
/// instrumentation) records that URL in <c>url.full</c>. The client registered by <c>AddInngest</c> makes no such span
/// with its own primary handler; with a primary handler of the application's that makes one, it rewrites the URL to
/// <c>{base}/e/***</c> automatically (<see cref="InngestOptions.RedactEventKeyInHttpTelemetry"/>). The methods here
/// do the same for clients created without dependency injection. (The diagnostics events such a handler also emits
/// carry the request object itself, which cannot be rewritten: see docs/observability.md.)
/// </summary>
/// <example>
/// <code>
/// // OpenTelemetry's HttpClient instrumentation, for an InngestClient created with new:
/// tracing.AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, _) => InngestHttpTelemetry.Redact(activity));
/// // or once at start-up, for every client sending to this base URL:
/// InngestHttpTelemetry.RedactEventUrls(inngest.EventApiBaseUrl);
/// </code>
/// </example>
public static class InngestHttpTelemetry
{
    /// <summary>What replaces the event key in redacted URLs.</summary>
    public const string Redacted = "***";

    private static readonly object Gate = new();
    private static string[] s_prefixes = Array.Empty<string>();
    private static IDisposable? s_subscription;

    /// <summary>
    /// From now on, redacts <c>url.full</c> (and the older <c>http.url</c>, <c>url.path</c> and
    /// <c>http.target</c>) of every HTTP client span whose URL starts with <c>{eventApiBaseUrl}e/</c>. Works by
    /// observing the <c>HttpHandlerDiagnosticListener</c> start and stop events, after .NET and OpenTelemetry
    /// have set the tags and before the span ends. Idempotent; process-wide.
    /// </summary>
    /// <param name="eventApiBaseUrl">The client's <see cref="InngestClient.EventApiBaseUrl"/>.</param>
    public static void RedactEventUrls(Uri eventApiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(eventApiBaseUrl);
        var prefix = EventPrefix(eventApiBaseUrl);
        lock (Gate)
        {
            if (Array.IndexOf(s_prefixes, prefix) < 0)
            {
                var prefixes = new string[s_prefixes.Length + 1];
                s_prefixes.CopyTo(prefixes, 0);
                prefixes[^1] = prefix;
                Volatile.Write(ref s_prefixes, prefixes);
            }

            s_subscription ??= DiagnosticListener.AllListeners.Subscribe(new AllListenersObserver());
        }
    }

    /// <summary>
    /// Redacts the event key in <paramref name="activity"/>'s URL tags if they point at the Event API path
    /// <c>/e/{key}</c> of any base URL (the key is the last path segment after <c>/e/</c>). Returns whether it
    /// changed anything. Use it from OpenTelemetry's <c>EnrichWithHttpRequestMessage</c>.
    /// </summary>
    /// <param name="activity">An HTTP client span.</param>
    public static bool Redact(Activity? activity)
    {
        if (activity is null)
        {
            return false;
        }

        var changed = false;
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string url && RedactAnyEventUrl(url) is { } redacted)
            {
                activity.SetTag(tag, redacted);
                changed = true;
            }
        }

        if (RedactAnyEventUrl(activity.DisplayName) is { } name)
        {
            activity.DisplayName = name;
            changed = true;
        }

        return changed;
    }

    private static readonly string[] UrlTags = { "url.full", "http.url", "url.path", "http.target" };

    internal static string EventPrefix(Uri eventApiBaseUrl)
    {
        var text = eventApiBaseUrl.AbsoluteUri;
        return (text.EndsWith('/') ? text : text + "/") + "e/";
    }

    /// <summary>Redacts against the registered base URLs only (the automatic path).</summary>
    private static void RedactRegistered(Activity activity)
    {
        var prefixes = Volatile.Read(ref s_prefixes);
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string url && MatchRegistered(url, prefixes) is { } keyStart)
            {
                activity.SetTag(tag, Cut(url, keyStart));
            }
        }

        if (MatchRegistered(activity.DisplayName, prefixes) is { } nameKeyStart)
        {
            activity.DisplayName = Cut(activity.DisplayName, nameKeyStart);
        }
    }

    /// <summary>Where the key starts when <paramref name="text"/> (a URL, or a path for url.path) is under a registered prefix.</summary>
    private static int? MatchRegistered(string text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return IsRedacted(text, prefix.Length) ? null : prefix.Length;
            }

            // url.path and http.target hold the path only: /prefix/e/{key}.
            var pathStart = prefix.IndexOf('/', prefix.IndexOf("://", StringComparison.Ordinal) + 3);
            if (text.StartsWith('/') && string.CompareOrdinal(text, 0, prefix, pathStart, prefix.Length - pathStart) == 0 && text.Length >= prefix.Length - pathStart)
            {
                var keyStart = prefix.Length - pathStart;
                return IsRedacted(text, keyStart) ? null : keyStart;
            }
        }

        return null;
    }

    /// <summary>For a URL or path holding <c>/e/{key}</c>, the text with the key replaced; otherwise null.</summary>
    private static string? RedactAnyEventUrl(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var pathStart = 0;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            pathStart = text.IndexOf('/', schemeEnd + 3);
            if (pathStart < 0)
            {
                return null;
            }
        }

        var pathEnd = text.IndexOfAny(QueryOrFragment, pathStart);
        if (pathEnd < 0)
        {
            pathEnd = text.Length;
        }

        var at = text.LastIndexOf("/e/", pathEnd - 1, pathEnd - pathStart, StringComparison.Ordinal);
        var keyStart = at + 3;
        if (at < 0 || keyStart >= pathEnd || text.IndexOf('/', keyStart, pathEnd - keyStart) >= 0)
        {
            return null; // no /e/{key} as the last path segment: not an Event API URL
        }

        return IsRedacted(text, keyStart) ? null : Cut(text, keyStart);
    }

    private static readonly char[] QueryOrFragment = { '?', '#' };

    private static bool IsRedacted(string url, int keyStart)
        => string.CompareOrdinal(url, keyStart, Redacted, 0, Redacted.Length) == 0 && (url.Length == keyStart + Redacted.Length || url[keyStart + Redacted.Length] is '?' or '#');

    private static string Cut(string url, int keyStart)
    {
        var end = url.IndexOfAny(QueryOrFragment, keyStart);
        return string.Concat(url.AsSpan(0, keyStart), Redacted, end < 0 ? ReadOnlySpan<char>.Empty : url.AsSpan(end));
    }

    private sealed class AllListenersObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "HttpHandlerDiagnosticListener")
            {
                // Only the start/stop events: the activity event itself stays disabled, so this subscription
                // never makes HttpClient create activities that nobody asked for.
                value.Subscribe(new HttpEventsObserver(), static name => name is "System.Net.Http.HttpRequestOut.Start" or "System.Net.Http.HttpRequestOut.Stop");
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class HttpEventsObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Activity.Current is { } activity && activity.OperationName == "System.Net.Http.HttpRequestOut")
            {
                RedactRegistered(activity);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
