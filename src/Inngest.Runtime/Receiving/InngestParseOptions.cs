using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;

namespace Inngest;

/// <summary>Settings for parsing received events (<see cref="InngestEvent.Parse{T}(string, InngestParseOptions?)"/> and its siblings).</summary>
public sealed class InngestParseOptions
{
    private JsonMetadataResolver? _resolver;

    /// <summary>
    /// Extra JSON metadata for members the generator could not describe (the same role as
    /// <see cref="InngestClientOptions.JsonTypeInfoResolver"/> when sending): appended to each payload's resolver chain.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>Hooks that may replace each event's <c>data</c> JSON before it is deserialized, run in order.</summary>
    public IList<InngestReceiveMiddleware> ReceiveMiddleware { get; } = new List<InngestReceiveMiddleware>();

    /// <summary>
    /// The types the untyped <see cref="InngestEvent.Parse(string, InngestParseOptions?)"/> dispatches to;
    /// <see langword="null"/> means <see cref="InngestEventRegistry.Default"/>, which the generator fills.
    /// </summary>
    public InngestEventRegistry? Registry { get; set; }

    /// <summary>The resolver for the current <see cref="JsonTypeInfoResolver"/>, made once per resolver (it caches option copies).</summary>
    internal JsonMetadataResolver Resolver
    {
        get
        {
            var extra = JsonTypeInfoResolver;
            if (extra is null)
            {
                return JsonMetadataResolver.Default;
            }

            var cached = _resolver;
            if (cached is null || !ReferenceEquals(cached.Extra, extra))
            {
                cached = new JsonMetadataResolver(extra);
                _resolver = cached;
            }

            return cached;
        }
    }
}
