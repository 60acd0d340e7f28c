using System;

namespace Inngest;

/// <summary>One request of a send call: events <see cref="Start"/> .. <see cref="Start"/> + <see cref="Count"/> - 1, its id seed and its body.</summary>
internal sealed class PreparedRequest : IDisposable
{
    public PreparedRequest(int start, int count, string seed, PooledBufferWriter body)
    {
        Start = start;
        Count = count;
        Seed = seed;
        Body = body;
    }

    public int Start { get; }

    public int Count { get; }

    /// <summary>The <c>x-inngest-event-id-seed</c> every attempt of this request sends, so retries get the same ids.</summary>
    public string Seed { get; }

    /// <summary>The JSON array, identical for every attempt.</summary>
    public PooledBufferWriter Body { get; }

    public void Dispose() => Body.Dispose();
}
