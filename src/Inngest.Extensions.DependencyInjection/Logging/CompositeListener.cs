using System;
using System.Collections.Generic;

namespace Inngest.Extensions.DependencyInjection;

/// <summary>Calls the built-in logging listener, then the application's own (<see cref="InngestOptions.Listener"/>).</summary>
internal sealed class CompositeListener : InngestSendListener
{
    private readonly InngestSendListener _first;
    private readonly InngestSendListener _second;

    public CompositeListener(InngestSendListener first, InngestSendListener second)
    {
        _first = first;
        _second = second;
    }

    public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests)
    {
        try
        {
            _first.SendStarting(events, requests);
        }
        finally
        {
            _second.SendStarting(events, requests); // a failing logger must not silence the application's listener
        }
    }

    public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay)
    {
        try
        {
            _first.Retrying(events, failedAttempt, statusCode, reason, delay);
        }
        finally
        {
            _second.Retrying(events, failedAttempt, statusCode, reason, delay); // a failing logger must not silence the application's listener
        }
    }

    public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed)
    {
        try
        {
            _first.SendSucceeded(events, attempts, elapsed);
        }
        finally
        {
            _second.SendSucceeded(events, attempts, elapsed); // a failing logger must not silence the application's listener
        }
    }

    public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed)
    {
        try
        {
            _first.SendFailed(events, exception, elapsed);
        }
        finally
        {
            _second.SendFailed(events, exception, elapsed); // a failing logger must not silence the application's listener
        }
    }
}
