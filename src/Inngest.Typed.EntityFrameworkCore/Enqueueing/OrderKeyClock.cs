using System;
using System.Threading;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// A per-process clock that never goes back and never repeats: microseconds since the Unix epoch, bumped by one when
/// two reads fall in the same microsecond or the wall clock steps back. Rows enqueued one after another in a process
/// (and so every row of one transaction) get strictly increasing order keys.
/// </summary>
internal static class OrderKeyClock
{
    private static long s_last;

    public static long Next(TimeProvider time)
    {
        var now = (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        while (true)
        {
            var last = Volatile.Read(ref s_last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref s_last, next, last) == last)
            {
                return next;
            }
        }
    }
}
