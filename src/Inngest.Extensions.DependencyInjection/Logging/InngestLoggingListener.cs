using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>
/// Logs every send of an <see cref="InngestClient"/> through <see cref="ILogger"/> with source-generated
/// <see cref="LoggerMessageAttribute"/> methods: started (Debug), succeeded (Information), retrying (Warning),
/// failed (Error) and canceled (Information). Entries carry event names, counts, attempts, statuses and
/// durations as structured values; never the event key, and never the events' <c>data</c> or <c>user</c>.
/// </summary>
/// <remarks>
/// <c>services.AddInngest()</c>
/// installs it with the category <c>Inngest.InngestClient</c>. Without dependency injection, set it yourself:
/// <c>new InngestClientOptions { Listener = new InngestLoggingListener(loggerFactory.CreateLogger&lt;InngestClient&gt;()) }</c>.
/// </remarks>
public sealed partial class InngestLoggingListener : InngestSendListener
{
    /// <summary>At most this many distinct event names are written into one entry.</summary>
    private const int MaxNames = 8;

    private readonly ILogger _logger;

    /// <summary>Creates a listener that writes to <paramref name="logger"/>.</summary>
    /// <param name="logger">The logger, for example <c>ILogger&lt;InngestClient&gt;</c>.</param>
    public InngestLoggingListener(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc />
    public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogSending(_logger, events.Count, Names(events), requests);
        }
    }

    /// <inheritdoc />
    public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogRetrying(_logger, failedAttempt, events.Count, Names(events), Status(statusCode), reason ?? "no answer", (long)delay.TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            LogSent(_logger, events.Count, Names(events), attempts, (long)elapsed.TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed)
    {
        switch (exception)
        {
            case InngestSendException send:
                LogFailed(_logger, events.Count, Names(events), send.Attempts, Status(send.StatusCode), send.AcceptedIds.Count, (long)elapsed.TotalMilliseconds, send);
                break;
            case InngestSendCanceledException canceled:
                LogCanceled(_logger, events.Count, Names(events), canceled.Outcome.AcceptedIds.Count, (long)elapsed.TotalMilliseconds);
                break;
            case OperationCanceledException:
                LogCanceled(_logger, events.Count, Names(events), 0, (long)elapsed.TotalMilliseconds);
                break;
            default:
                // Validation and configuration errors: nothing was sent; their messages name no data and no key.
                LogRejected(_logger, events.Count, Names(events), exception.GetType().Name, exception);
                break;
        }
    }

    private static string Status(int? statusCode) => statusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none";

    private static string Names(IReadOnlyList<InngestEvent> events)
    {
        if (events.Count == 1)
        {
            return events[0]?.Name ?? "(null)";
        }

        var names = new List<string>(Math.Min(events.Count, MaxNames + 1));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evt in events)
        {
            var name = evt?.Name ?? "(null)";
            if (seen.Add(name))
            {
                if (names.Count == MaxNames)
                {
                    names.Add("...");
                    break;
                }

                names.Add(name);
            }
        }

        return string.Join(", ", names);
    }

    [LoggerMessage(EventId = 1, EventName = "InngestSending", Level = LogLevel.Debug,
        Message = "Sending {EventCount} Inngest event(s) [{EventNames}] in {RequestCount} request(s)")]
    private static partial void LogSending(ILogger logger, int eventCount, string eventNames, int requestCount);

    [LoggerMessage(EventId = 2, EventName = "InngestSent", Level = LogLevel.Information,
        Message = "Sent {EventCount} Inngest event(s) [{EventNames}] in {Attempts} attempt(s), {ElapsedMs} ms")]
    private static partial void LogSent(ILogger logger, int eventCount, string eventNames, int attempts, long elapsedMs);

    [LoggerMessage(EventId = 3, EventName = "InngestRetrying", Level = LogLevel.Warning,
        Message = "Inngest attempt {Attempt} for {EventCount} event(s) [{EventNames}] failed (HTTP status {StatusCode}: {Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, int attempt, int eventCount, string eventNames, string statusCode, string reason, long delayMs);

    [LoggerMessage(EventId = 4, EventName = "InngestSendFailed", Level = LogLevel.Error,
        Message = "Failed to send {EventCount} Inngest event(s) [{EventNames}] after {Attempts} attempt(s) (HTTP status {StatusCode}, {AcceptedCount} accepted, {ElapsedMs} ms)")]
    private static partial void LogFailed(ILogger logger, int eventCount, string eventNames, int attempts, string statusCode, int acceptedCount, long elapsedMs, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "InngestSendCanceled", Level = LogLevel.Information,
        Message = "Sending {EventCount} Inngest event(s) [{EventNames}] was canceled ({AcceptedCount} accepted, {ElapsedMs} ms)")]
    private static partial void LogCanceled(ILogger logger, int eventCount, string eventNames, int acceptedCount, long elapsedMs);

    [LoggerMessage(EventId = 6, EventName = "InngestSendRejected", Level = LogLevel.Error,
        Message = "{EventCount} Inngest event(s) [{EventNames}] were not sent: {ErrorType}")]
    private static partial void LogRejected(ILogger logger, int eventCount, string eventNames, string errorType, Exception exception);
}
