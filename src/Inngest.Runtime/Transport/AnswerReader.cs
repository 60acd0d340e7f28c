using System;
using System.Buffers;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>Reads an answer's body into a pooled buffer and parses it; an answer over 4 MiB counts as unreadable.</summary>
internal static class AnswerReader
{
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>Room for an acknowledgement of this many ids (26-character ULIDs, quoted, with commas) and its frame.</summary>
    internal static int ExpectedAnswerBytes(int expectedIds) => Math.Min(MaxResponseBytes, 64 + (32 * Math.Max(1, expectedIds)));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ResponseBody> ReadAsync(HttpResponseMessage response, int expectedIds, CancellationToken cancellationToken)
    {
        // The buffer is sized for the acknowledgement the request expects, not from Content-Length (parsing that header
        // costs as much as the read, and a chunked answer has none); anything longer grows it, up to the 4 MiB bound.
        var buffer = ArrayPool<byte>.Shared.Rent(ExpectedAnswerBytes(expectedIds));
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length >= MaxResponseBytes)
                    {
                        return default;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxResponseBytes));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return ResponseBody.Parse(buffer.AsSpan(0, total), expectedIds);
                }

                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
