using System;
using System.Collections.Generic;

namespace Inngest;

/// <summary>
/// Splits a send call into requests, in order, by count (<see cref="InngestClientOptions.MaxEventsPerRequest"/>) and by
/// body size (<see cref="InngestClientOptions.MaxRequestBytes"/>), and writes every body before the first request, so a
/// bad event anywhere fails the call before anything is sent. Each request gets its own id seed. One writer writes
/// each body from its <c>[</c> to its <c>]</c> and flushes once, at its end; only an event that does not fit after the
/// others is moved, as bytes, to the next body.
/// </summary>
internal static class RequestBatcher
{
    public static List<PreparedRequest> Prepare(IReadOnlyList<InngestEvent> events, long timestampMs, int maxEventsPerRequest, int maxRequestBytes, int maxEventBytes, JsonMetadataResolver resolver)
    {
        var requests = new List<PreparedRequest>(1);
        var body = new PooledBufferWriter();
        var trusted = EnvelopeWriter.IsTrusted(events, resolver);
        var writer = EnvelopeWriter.RentWriter(body, trusted);
        try
        {
            EnvelopeWriter.BeginBody(writer, body);
            var start = 0;
            var count = 0;
            for (var i = 0; i < events.Count; i++)
            {
                if (count == maxEventsPerRequest)
                {
                    EnvelopeWriter.EndBody(writer);
                    requests.Add(new PreparedRequest(start, count, EnvelopeWriter.CreateSeed(timestampMs), body));
                    body = new PooledBufferWriter();
                    EnvelopeWriter.BeginBody(writer, body);
                    start = i;
                    count = 0;
                }

                var separator = EnvelopeWriter.Position(writer);
                var size = EnvelopeWriter.WriteEvent(writer, body, events[i], i, timestampMs, maxEventBytes, resolver);
                if (size + 2 > maxRequestBytes)
                {
                    throw new InngestEventValidationException(i, events[i].Name,
                        $"Event {i} ('{events[i].Name}') is {size:N0} bytes when serialized, more than fits into one request of at most {maxRequestBytes:N0} bytes (InngestClientOptions.MaxRequestBytes). Send less data in the event, or raise MaxRequestBytes to your plan's request limit.");
                }

                if (count > 0 && EnvelopeWriter.Position(writer) + 1 > maxRequestBytes)
                {
                    // The event does not fit after the others: close the request before it and start the next with it.
                    writer.Flush();
                    var next = new PooledBufferWriter(size + 2);
                    EnvelopeWriter.BeginBody(writer, next);
                    writer.WriteRawValue(body.WrittenSpan.Slice(body.WrittenCount - size), skipInputValidation: true);
                    body.Truncate(separator);
                    body.WriteByte((byte)']');
                    requests.Add(new PreparedRequest(start, count, EnvelopeWriter.CreateSeed(timestampMs), body));
                    body = next;
                    start = i;
                    count = 0;
                }

                count++;
            }

            EnvelopeWriter.EndBody(writer);
            requests.Add(new PreparedRequest(start, count, EnvelopeWriter.CreateSeed(timestampMs), body));
            return requests;
        }
        catch
        {
            foreach (var request in requests)
            {
                request.Dispose();
            }

            if (requests.Count == 0 || !ReferenceEquals(requests[^1].Body, body))
            {
                body.Dispose();
            }

            throw;
        }
        finally
        {
            EnvelopeWriter.ReturnWriter(writer, trusted);
        }
    }
}
