using System.Collections.Generic;
using System.Linq;

namespace Inngest.Reliability.Tests;

/// <summary>
/// What the fault server does with one request. The first group is made by Kestrel (a real HTTP
/// stack); the second by the raw-socket front (<see cref="RawFaults"/>): answers real servers,
/// proxies and broken stacks give that no HTTP library would write.
/// </summary>
public enum Fault
{
    /// <summary>Store the events and answer like the Event API.</summary>
    None,

    // ---- Kestrel ----

    /// <summary>500 with a JSON error, nothing stored.</summary>
    Status500,

    /// <summary>Store the events, then answer 500 (the server crashed after the write).</summary>
    Status500AfterStore,

    /// <summary>502 with an HTML body, nothing stored.</summary>
    Status502,

    /// <summary>503 with an empty body, nothing stored.</summary>
    Status503,

    /// <summary>429 with a <c>Retry-After</c> header (seconds form), nothing stored.</summary>
    TooManyRequests,

    /// <summary>408, nothing stored.</summary>
    RequestTimeout,

    /// <summary>Reset the connection before reading the body, nothing stored.</summary>
    ResetBeforeBody,

    /// <summary>Store the events, then abort the connection: the answer is lost.</summary>
    AcceptThenDrop,

    /// <summary>Store the events and answer only after the client's per-attempt timeout.</summary>
    AnswerAfterTimeout,

    /// <summary>Store the events, declare a full 200 answer, send half of it and reset.</summary>
    TruncatedBody,

    /// <summary>Store the events and answer 200 with a body that is not JSON.</summary>
    NonJsonBody,

    /// <summary>Store the events and answer 200 <c>{"status":200}</c> without ids.</summary>
    OkWithoutIds,

    /// <summary>Store the events and answer 200 with one id too many or too few.</summary>
    OkWrongIdCount,

    /// <summary>Store the first half of the events and answer 400 with their ids (a partial list).</summary>
    BadRequestPartial,

    // ---- raw socket ----

    /// <summary>
    /// The open-source server's answer when event 0 fails (pkg/api/api.go slices <c>ids[0:max+1]</c>
    /// with <c>max</c> starting at 0): 400 <c>{"ids":[""],"status":400,"error":"event name is empty"}</c>, nothing stored.
    /// </summary>
    InngestServerFirstEventFailed,

    /// <summary>
    /// The open-source server when publishing fails (a transient queue error, still a 400): the first
    /// half of the events are stored and listed, the error is the publisher's; with one event the ids are <c>[""]</c>.
    /// </summary>
    InngestServerPublishError,

    /// <summary>A valid status line whose reason phrase echoes the request line (<c>404 Cannot POST /e/KEY</c>), nothing stored.</summary>
    EchoingReasonPhrase,

    /// <summary>An invalid status line that echoes the request line (<c>POST /e/KEY HTTP/1.1 400</c>), nothing stored.</summary>
    InvalidStatusLineEcho,

    /// <summary>Store the events, then a 200 whose header block holds an invalid line echoing the request.</summary>
    InvalidHeaderLineEcho,

    /// <summary>A 500 whose valid headers and JSON error echo the request line and target, nothing stored.</summary>
    EchoingHeaders,

    /// <summary>Store the events, then a chunked 200 whose body is garbage instead of chunk framing.</summary>
    GarbageAfterHeaders,

    /// <summary>Store the events, answer a correct 200, then write garbage on the connection (poisons its next exchange).</summary>
    TrailingGarbage,

    /// <summary>A 503 whose JSON error is 3 MB of text with CR/LF and forged log lines, nothing stored.</summary>
    HugeErrorBody,

    /// <summary>Store the events, send the 200 head at once and trickle the body for longer than the attempt timeout.</summary>
    SlowBody,

    /// <summary>Store the events and trickle a correct 200 answer that completes within the attempt timeout.</summary>
    SlowAnswer,

    /// <summary>A 307 (odd attempts) or 308 to another local port whose server would accept the events and return its own ids.</summary>
    RedirectToOtherPort,

    /// <summary>503 with <c>Retry-After</c> as an HTTP-date 2 s ahead, nothing stored.</summary>
    RetryAfterDate,

    /// <summary>429 with a <c>Retry-After</c> far out of range (99999999999 s, or a date in 9999), nothing stored.</summary>
    RetryAfterOutOfRange,

    /// <summary>Read half of the request body, then reset, nothing stored.</summary>
    ResetMidBody,

    /// <summary>Store the events, then reset (RST) without a byte of answer.</summary>
    ResetAfterStore,

    /// <summary>Store the events, then close (FIN) without a byte of answer.</summary>
    CloseAfterStore,

    /// <summary>Store the events, write part of the answer's head, then reset.</summary>
    ResetMidAnswerHead,

    /// <summary>Answer 413 with <c>Connection: close</c> before reading the body and close (the unread body turns the close into a reset), nothing stored.</summary>
    EarlyRejectUnread,
}

/// <summary>What the fault server knows about each fault: which front makes it, and how many events of a request it stores.</summary>
public static class FaultCatalog
{
    /// <summary>Faults made by the raw-socket front (the rest are made by Kestrel).</summary>
    public static bool IsRaw(Fault fault) => fault >= Fault.InngestServerFirstEventFailed;

    /// <summary>How many events of a request of <paramref name="count"/> events the server stores under this fault.</summary>
    public static int Stored(Fault fault, int count) => fault switch
    {
        Fault.None or Fault.Status500AfterStore or Fault.AcceptThenDrop or Fault.AnswerAfterTimeout or Fault.TruncatedBody
            or Fault.NonJsonBody or Fault.OkWithoutIds or Fault.OkWrongIdCount
            or Fault.InvalidHeaderLineEcho or Fault.GarbageAfterHeaders or Fault.TrailingGarbage or Fault.SlowBody or Fault.SlowAnswer
            or Fault.ResetAfterStore or Fault.CloseAfterStore or Fault.ResetMidAnswerHead => count,
        Fault.BadRequestPartial or Fault.InngestServerPublishError => count / 2,
        _ => 0,
    };

    /// <summary>Every fault except <see cref="Fault.None"/>.</summary>
    public static IReadOnlyList<Fault> All { get; } = System.Enum.GetValues<Fault>().Where(f => f != Fault.None).ToArray();
}
