using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Inngest;

/// <summary>
/// Splits a send call into requests, in order, by count (<see cref="InngestClientOptions.MaxEventsPerRequest"/>) and by
/// body size (<see cref="InngestClientOptions.MaxRequestBytes"/>), and writes every body before the first request, so a
/// bad event anywhere fails the call before anything is sent. Each request gets its own id seed.
/// </summary>
internal static class RequestBatcher
{
    public static List<PreparedRequest> Prepare(IReadOnlyList<InngestEvent> events, long timestampMs, int maxEventsPerRequest, int maxRequestBytes, int maxEventBytes, JsonMetadataResolver resolver)
    {
        var requests = new List<PreparedRequest>();
        var body = new PooledBufferWriter();
        try
        {
            using var writer = new Utf8JsonWriter(body, EnvelopeWriter.WriterOptions);
            var start = 0;
            var count = 0;
            body.WriteByte((byte)'[');
            for (var i = 0; i < events.Count; i++)
            {
                if (count == maxEventsPerRequest)
                {
                    body.WriteByte((byte)']');
                    requests.Add(new PreparedRequest(start, count, EnvelopeWriter.CreateSeed(timestampMs), body));
                    body = new PooledBufferWriter();
                    body.WriteByte((byte)'[');
                    start = i;
                    count = 0;
                }

                var separator = body.WrittenCount;
                if (count > 0)
                {
                    body.WriteByte((byte)',');
                }

                var eventStart = body.WrittenCount;
                var size = EnvelopeWriter.WriteEvent(writer, body, events[i], i, timestampMs, maxEventBytes, resolver);
                if (size + 2 > maxRequestBytes)
                {
                    throw new InngestEventValidationException(i, events[i].Name,
                        $"Event {i} ('{events[i].Name}') is {size:N0} bytes when serialized, more than fits into one request of at most {maxRequestBytes:N0} bytes (InngestClientOptions.MaxRequestBytes). Send less data in the event, or raise MaxRequestBytes to your plan's request limit.");
                }

                if (count > 0 && body.WrittenCount + 1 > maxRequestBytes)
                {
                    // The event does not fit after the others: close the request before it and start the next with it.
                    var next = new PooledBufferWriter(size + 2);
                    next.WriteByte((byte)'[');
                    next.Write(body.WrittenSpan.Slice(eventStart));
                    body.Truncate(separator);
                    body.WriteByte((byte)']');
                    requests.Add(new PreparedRequest(start, count, EnvelopeWriter.CreateSeed(timestampMs), body));
                    body = next;
                    start = i;
                    count = 0;
                }

                count++;
            }

            body.WriteByte((byte)']');
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
    }
}
