using System;
using System.Collections.Generic;
using System.Text;

namespace Inngest.Encryption.Tests;

/// <summary>Writes every listener call down as text, as a logging listener would.</summary>
internal sealed class RecordingListener : InngestSendListener
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void SendStarting(IReadOnlyList<InngestEvent> events, int requests) => Add($"starting {string.Join(",", events)} in {requests}");

    public override void Retrying(IReadOnlyList<InngestEvent> events, int failedAttempt, int? statusCode, string? reason, TimeSpan delay) => Add($"retrying {failedAttempt} {statusCode} {reason}");

    public override void SendSucceeded(IReadOnlyList<InngestEvent> events, int attempts, TimeSpan elapsed) => Add($"succeeded {attempts}");

    public override void SendFailed(IReadOnlyList<InngestEvent> events, Exception exception, TimeSpan elapsed) => Add($"failed {exception}");

    private void Add(string line)
    {
        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
