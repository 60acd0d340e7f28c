using System.Collections.Generic;
using Inngest.Generators.Model;
using static Inngest.Generators.Emitting.CSharp;

namespace Inngest.Generators.Emitting;

/// <summary>
/// The idempotency id of events whose attribute has an <c>Id</c> template: a private method of the extensions
/// class that builds the id from the payload, culture-invariantly, and what the send methods pass for it.
/// </summary>
internal static class IdEmitter
{
    public static bool HasId(EventModel model) => model.IdParts.Count > 0;

    /// <summary>The method that builds the id, named per payload type (overloads, like the send methods).</summary>
    public const string MethodName = "InngestIdOf";

    /// <summary>The <c>id</c> the single-event send method passes: the caller's, else the template's.</summary>
    public static string SingleId(EventModel model, bool isValueType)
        => !HasId(model) ? "id" : isValueType ? "id ?? " + MethodName + "(data)" : "id ?? (data is null ? null : " + MethodName + "(data))";

    /// <summary>The IdTemplate constant on the event type, with the JSON names (the catalog and the TypeScript show it).</summary>
    public static string Constant(EventModel model)
        => !HasId(model) ? string.Empty : $$"""

            /// <summary>The idempotency id template with the data's JSON names: <c>{{XmlText(model.IdTemplate!)}}</c>; the send methods fill <c>id</c> from it when none is given.</summary>
            public const string IdTemplate = {{Literal(model.IdTemplate)}};
            """;

    /// <summary>The batch method's body: one event per payload, each with its own id.</summary>
    public static string BatchBody(EventModel model, bool isValueType)
    {
        var id = isValueType ? MethodName + "(item)" : "item is null ? null : " + MethodName + "(item)";
        return $$"""
            {
                global::System.ArgumentNullException.ThrowIfNull(client);
                global::System.ArgumentNullException.ThrowIfNull(data);
                var events = new global::System.Collections.Generic.List<global::Inngest.InngestEvent>();
                foreach (var item in data)
                {
                    events.Add(global::Inngest.InngestEvent.Create(item, null, {{id}}, null));
                }

                return client.SendAsync(events, null, cancellationToken);
            }
            """;
    }

    /// <summary>The method that formats the template's members into the id.</summary>
    public static string IdMethod(EventModel model, string relative)
    {
        var pieces = new List<string>();
        foreach (var part in model.IdParts)
        {
            pieces.Add(part.Literal is { } literal ? Literal(literal) : Format(part));
        }

        return $$"""

            private static string {{MethodName}}({{relative}} data)
                => string.Concat(new string?[] { {{string.Join(", ", pieces)}} });
            """;
    }

    private static string Format(IdPart part)
    {
        var access = "data." + Id(part.Member!);
        var value = part.IsNullableValue ? access + ".Value" : access;
        var text = part.Format switch
        {
            IdFormat.Text => value,
            IdFormat.Char => value + ".ToString()",
            IdFormat.Boolean => "(" + value + " ? \"true\" : \"false\")",
            IdFormat.Invariant => value + ".ToString(null, global::System.Globalization.CultureInfo.InvariantCulture)",
            IdFormat.RoundTrip => value + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
            IdFormat.Date => value + ".ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
            IdFormat.Time => value + ".ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
            IdFormat.Duration => value + ".ToString(\"c\", global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => value + ".ToString()",
        };
        if (part.Fallback is null)
        {
            return text;
        }

        return part.IsNullableValue
            ? "(" + access + ".HasValue ? " + text + " : " + Literal(part.Fallback) + ")"
            : part.Format == IdFormat.Text ? "(" + access + " ?? " + Literal(part.Fallback) + ")" : "(" + access + " is null ? " + Literal(part.Fallback) + " : " + text + ")";
    }
}
