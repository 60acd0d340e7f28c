using System.Collections.Generic;
using Inngest.Generators.Model;

namespace Inngest.Generators.Parsing;

/// <summary>
/// Decides, once and in the parser, which types get a fast path (<c>Serialize_X</c>) and how the fast
/// path writes each value: with the writer call System.Text.Json's built-in converter makes, by calling
/// another fast path, or (null) through JsonSerializer and that type's metadata.
/// </summary>
/// <remarks>
/// The fast path runs with the context's own metadata all the way down, so a type that reaches (through
/// members, elements or keys) a type without generated metadata, or an <c>object</c> whose run-time type
/// may only be in the user's resolver, gets no fast path: the metadata path resolves those through the
/// options in use, the fast path could not.
/// </remarks>
internal sealed class FastPathPlanner
{
    private readonly Dictionary<string, List<string>> _edges = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _blocked = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, ValueWrite?> _writes = new(System.StringComparer.Ordinal);
    private Dictionary<string, TypeShape?> _shapes = new(System.StringComparer.Ordinal);

    /// <summary><paramref name="from"/>'s metadata refers to <paramref name="to"/>'s.</summary>
    public void Edge(string from, string to)
    {
        if (!_edges.TryGetValue(from, out var targets))
        {
            targets = new List<string>();
            _edges[from] = targets;
        }

        targets.Add(to);
    }

    /// <summary>The type gets no generated metadata.</summary>
    public void Undescribable(string fqn) => _blocked.Add(fqn);

    /// <summary>The type's values are written by their run-time type (object).</summary>
    public void ResolvedAtRunTime(string fqn) => _blocked.Add(fqn);

    /// <summary>The described shapes, in walk order, with their fast paths planned.</summary>
    public EquatableArray<TypeShape> Plan(List<string> order, Dictionary<string, TypeShape?> shapes)
    {
        _shapes = shapes;
        PropagateBlocked();
        var result = new List<TypeShape>(order.Count);
        foreach (var fqn in order)
        {
            if (shapes[fqn] is not { } shape)
            {
                continue;
            }

            var write = WriteOf(fqn);
            var hasFastPath = write?.Kind == ValueWriteKind.FastPath && write.FastPathFqn == fqn;
            var planned = shape with
            {
                Write = write,
                HasFastPath = hasFastPath,
                ElementWrite = hasFastPath && shape.Object is null ? WriteOf(shape.ElementFqn!) : null,
            };
            if (planned.HasFastPath && shape.Object is { } obj)
            {
                var members = new List<MemberShape>(obj.Members.Count);
                foreach (var member in obj.Members)
                {
                    members.Add(member.OnFastPath ? member with { Write = WriteOf(member.TypeFqn) } : member);
                }

                planned = planned with { Object = obj with { Members = members.ToEquatableArray() } };
            }

            result.Add(planned);
        }

        return result.ToEquatableArray();
    }

    private void PropagateBlocked()
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var pair in _edges)
            {
                if (_blocked.Contains(pair.Key))
                {
                    continue;
                }

                foreach (var target in pair.Value)
                {
                    if (_blocked.Contains(target))
                    {
                        _blocked.Add(pair.Key);
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private ValueWrite? WriteOf(string fqn)
    {
        if (_writes.TryGetValue(fqn, out var known))
        {
            return known;
        }

        _writes[fqn] = null; // a collection's element type is never the collection itself, but be safe
        var write = _shapes.TryGetValue(fqn, out var shape) && shape is not null && !_blocked.Contains(fqn) ? Decide(shape) : null;
        _writes[fqn] = write;
        return write;
    }

    private ValueWrite? Decide(TypeShape shape)
    {
        switch (shape.Kind)
        {
            case TypeShapeKind.Value:
                return shape.ValueConverter switch
                {
                    "BooleanConverter" => new ValueWrite { Kind = ValueWriteKind.Boolean },
                    "Int32Converter" or "UInt32Converter" or "Int64Converter" or "UInt64Converter"
                        or "SingleConverter" or "DoubleConverter" => new ValueWrite { Kind = ValueWriteKind.Number },
                    "DecimalConverter" => new ValueWrite { Kind = ValueWriteKind.Decimal },
                    "SByteConverter" or "Int16Converter" => new ValueWrite { Kind = ValueWriteKind.Number, Cast = "int" },
                    "ByteConverter" or "UInt16Converter" => new ValueWrite { Kind = ValueWriteKind.Number, Cast = "uint" },
                    "StringConverter" or "DateTimeConverter" or "DateTimeOffsetConverter" or "GuidConverter" => new ValueWrite { Kind = ValueWriteKind.String },
                    _ => null,
                };
            case TypeShapeKind.Enum:
                // System.Text.Json's enum converter (no string converter) writes the underlying number.
                return shape.EnumNumberType is { } number ? new ValueWrite { Kind = ValueWriteKind.Number, Cast = number } : null;
            case TypeShapeKind.Nullable:
                return shape.ElementFqn is { } underlying && WriteOf(underlying) is { IsNullable: false } inner ? inner with { IsNullable = true } : null;
            case TypeShapeKind.Object:
                return IsObjectEligible(shape.Object!) && !shape.IsPolymorphic ? FastPath(shape.Fqn) : null;
            case TypeShapeKind.Collection:
                return shape.Collection is not (CollectionKind.Memory or CollectionKind.ReadOnlyMemory)
                    && shape.ElementFqn is { } element && WriteOf(element) is not null && !shape.IsPolymorphic
                    ? FastPath(shape.Fqn)
                    : null;
            case TypeShapeKind.Dictionary:
                return shape.KeyFqn == "string" && shape.ElementFqn is { } value && WriteOf(value) is not null && !shape.IsPolymorphic
                    ? FastPath(shape.Fqn)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Attributes the fast path cannot honour (converters, number handling, extension data) leave the type to its metadata.</summary>
    private static bool IsObjectEligible(ObjectShape obj)
    {
        if (obj.NumberHandling is not null)
        {
            return false;
        }

        foreach (var member in obj.Members)
        {
            if (member.Ignore == IgnoreCondition.Always)
            {
                continue;
            }

            // A condition newer than the ones the fast path spells out (.NET 9+: WhenWriting, WhenReading) is left to the metadata.
            // An unreachable [JsonInclude] getter throws in the metadata; the fast path must not write the object without it.
            if (member.Converter is not null || member.NumberHandling is not null || member.IsExtensionData || member.UnreachableIncludeGetter
                || (member.Ignore is { } ignore && !System.Enum.IsDefined(typeof(IgnoreCondition), ignore)))
            {
                return false;
            }
        }

        return true;
    }

    private static ValueWrite FastPath(string fqn) => new() { Kind = ValueWriteKind.FastPath, FastPathFqn = fqn };
}
