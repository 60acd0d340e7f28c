using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Inngest.Generators.Oracle.Tests.Harness;

namespace Inngest.Catalog.Tests.Schema;

/// <summary>Random values of an event type (the oracle's value builder) written by the generated metadata, as a send writes <c>data</c>.</summary>
internal static class EventValues
{
    private static readonly MethodInfo WriteMethod = typeof(EventValues).GetMethod(nameof(WriteTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static bool IsEvent(Type type)
        => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IInngestEventData<>));

    /// <summary>An event type that carries [InngestEvent] itself (a subclass of one inherits only the interface).</summary>
    public static bool IsDeclaredEvent(Type type) => IsEvent(type) && type.GetCustomAttribute<InngestEventAttribute>(inherit: false) is not null;

    /// <summary>Up to <paramref name="count"/> values of <paramref name="type"/> that keep the C# contract, as JSON (values the metadata refuses to write are skipped).</summary>
    public static List<JsonNode> Written(Type type, int count, IReadOnlyList<Assembly> assemblies, IEnumerable<object?>? handValues = null)
    {
        var gen = new ValueGen(type, assemblies);
        var pcg = new PCG(12, (ulong)StringComparer.Ordinal.GetHashCode(type.FullName!) & 0xFFFF);
        var values = (handValues ?? []).Concat(Enumerable.Range(0, count).Select(_ => gen.Generate(pcg, null, out Size _)));
        var written = new List<JsonNode>();
        var write = WriteMethod.MakeGenericMethod(type);
        foreach (var value in values.Where(v => v is not null && ContractCheck.Keeps(v)))
        {
            try
            {
                written.Add(JsonNode.Parse((string)write.Invoke(null, [value])!)!);
            }
            catch (TargetInvocationException e) when (e.InnerException is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                // A cycle, a default ImmutableArray, an object member of a type only a user resolver knows: not written, nothing to describe.
            }
        }

        return written;
    }

    private static string WriteTyped<T>(object value)
        where T : IInngestEventData<T>
        => JsonSerializer.Serialize((T)value, T.JsonTypeInfo);
}
