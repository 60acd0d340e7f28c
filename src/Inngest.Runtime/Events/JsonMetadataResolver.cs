using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Inngest;

/// <summary>
/// Gives the JSON metadata an event's data is written with. With no extra resolver configured, an
/// event's own <see cref="JsonTypeInfo{T}"/> is used as it is (so its fast path runs). With
/// <see cref="InngestClientOptions.JsonTypeInfoResolver"/> set, the metadata is taken from a copy of
/// the event's options whose resolver chain ends with the user's resolver, so members the generator
/// could not describe resolve through the user's <c>JsonSerializerContext</c>.
/// </summary>
internal sealed class JsonMetadataResolver
{
    public static readonly JsonMetadataResolver Default = new(null);

    private readonly IJsonTypeInfoResolver? _extra;
    private readonly ConcurrentDictionary<JsonSerializerOptions, JsonSerializerOptions>? _combined;

    public JsonMetadataResolver(IJsonTypeInfoResolver? extra)
    {
        _extra = extra;
        if (extra is not null)
        {
            _combined = new ConcurrentDictionary<JsonSerializerOptions, JsonSerializerOptions>(ReferenceEqualityComparer.Instance);
        }
    }

    /// <summary>Whether events' own metadata is used as it is (no <see cref="InngestClientOptions.JsonTypeInfoResolver"/>).</summary>
    public bool IsDefault => _extra is null;

    /// <summary>The extra resolver, or null.</summary>
    public IJsonTypeInfoResolver? Extra => _extra;

    public JsonTypeInfo<T> Resolve<T>(JsonTypeInfo<T> typeInfo)
    {
        if (_extra is null)
        {
            return typeInfo;
        }

        var options = _combined!.GetOrAdd(typeInfo.Options, static (source, extra) =>
        {
            var combined = new JsonSerializerOptions(source)
            {
                TypeInfoResolver = JsonTypeInfoResolver.Combine(source.TypeInfoResolver, extra),
            };
            combined.MakeReadOnly();
            return combined;
        }, _extra);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
