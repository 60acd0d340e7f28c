using System;
using System.Collections.Generic;
using Inngest.Generators.Model;

namespace Inngest.Generators.Parsing;

/// <summary>
/// Decides, once and in the parser, which payload types get a generated reader (<c>TryRead_X</c>, what
/// <c>InngestEvent.Parse</c> reads a received event's data with) and how each object member is read. A reader is an
/// optimization System.Text.Json must agree with exactly: it covers the shapes whose reading the library can spell out
/// with certainty (objects created by one constructor or a parameterless one; strings, booleans, numbers, dates, GUIDs,
/// JSON elements;
/// nullable values; arrays, lists, string-keyed dictionaries and the interfaces System.Text.Json reads into those), and
/// it gives up on anything else at run time (a member name that matches only ignoring case, a repeated member, a
/// quoted number, a metadata property): the caller then reads the data with the metadata from the start. Every other
/// type, and every type that reaches one, has none.
/// </summary>
/// <remarks>
/// Computed from the shapes of one payload (every type it reaches), as a fixpoint: a type is readable when its own
/// shape is and every type it reaches is, so a cycle of readable types stays readable and one unreadable member takes
/// every type that reaches it out. A type reached by several events gets the same answer from each.
/// </remarks>
internal static class ReaderPlanner
{
    private static readonly string[] ListReads = { "List", "IList", "ICollection", "IEnumerable", "IReadOnlyList", "IReadOnlyCollection" };

    /// <summary>The shapes with <see cref="TypeShape.HasReader"/> and their members' <see cref="MemberShape.Read"/> set.</summary>
    public static EquatableArray<TypeShape> Plan(EquatableArray<TypeShape> shapes)
    {
        var byName = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            byName[shape.Fqn] = shape;
        }

        var readable = new HashSet<string>(StringComparer.Ordinal);
        var reaches = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reads = new Dictionary<string, MemberRead[]>(StringComparer.Ordinal);
        foreach (var shape in byName.Values)
        {
            var reached = new List<string>();
            if (IsLocallyReadable(shape, reached, out var memberReads))
            {
                readable.Add(shape.Fqn);
                reaches[shape.Fqn] = reached;
                if (memberReads is not null)
                {
                    reads[shape.Fqn] = memberReads;
                }
            }
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var pair in reaches)
            {
                if (readable.Contains(pair.Key) && pair.Value.Exists(d => !readable.Contains(d)))
                {
                    readable.Remove(pair.Key);
                    changed = true;
                }
            }
        }

        var result = new List<TypeShape>(shapes.Count);
        foreach (var shape in shapes)
        {
            if (!readable.Contains(shape.Fqn))
            {
                result.Add(shape);
                continue;
            }

            var planned = shape with { HasReader = true };
            if (shape.Object is { } obj && reads.TryGetValue(shape.Fqn, out var memberReads))
            {
                var members = new List<MemberShape>(obj.Members.Count);
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    members.Add(obj.Members[i] with { Read = memberReads[i] });
                }

                planned = planned with { Object = obj with { Members = members.ToEquatableArray() } };
            }

            result.Add(planned);
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// Whether System.Text.Json reads a sequence of this type into a <c>List&lt;T&gt;</c>: the list itself and the
    /// interfaces it creates one for (a type implementing them is created as itself, and has no reader).
    /// </summary>
    private static bool IsListRead(string fqn, string element)
    {
        foreach (var generic in ListReads)
        {
            if (fqn == "global::System.Collections.Generic." + generic + "<" + element + ">")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether System.Text.Json reads a string-keyed map of this type into a <c>Dictionary&lt;string, T&gt;</c>.</summary>
    private static bool IsDictionaryRead(string fqn, string element)
        => fqn == "global::System.Collections.Generic.Dictionary<string, " + element + ">"
            || fqn == "global::System.Collections.Generic.IDictionary<string, " + element + ">"
            || fqn == "global::System.Collections.Generic.IReadOnlyDictionary<string, " + element + ">";

    /// <summary>The built-in converters whose reading the readers' value helpers spell out.</summary>
    private static bool IsReadableValue(string? converter) => converter is "StringConverter" or "BooleanConverter"
        or "ByteConverter" or "SByteConverter" or "Int16Converter" or "UInt16Converter" or "Int32Converter" or "UInt32Converter"
        or "Int64Converter" or "UInt64Converter" or "SingleConverter" or "DoubleConverter" or "DecimalConverter"
        or "DateTimeOffsetConverter" or "DateTimeConverter" or "GuidConverter" or "JsonElementConverter";

    private static bool IsLocallyReadable(TypeShape shape, List<string> reached, out MemberRead[]? memberReads)
    {
        memberReads = null;
        if (shape.IsPolymorphic)
        {
            return false;
        }

        switch (shape.Kind)
        {
            case TypeShapeKind.Value:
                return IsReadableValue(shape.ValueConverter);
            case TypeShapeKind.Nullable:
                reached.Add(shape.ElementFqn!);
                return true;
            case TypeShapeKind.Collection:
                reached.Add(shape.ElementFqn!);
                return shape.Collection == CollectionKind.Array ? shape.Fqn == shape.ElementFqn + "[]" : IsListRead(shape.Fqn, shape.ElementFqn!);
            case TypeShapeKind.Dictionary:
                reached.Add(shape.ElementFqn!);
                return shape.KeyFqn == "string" && IsDictionaryRead(shape.Fqn, shape.ElementFqn!);
            case TypeShapeKind.Object:
                memberReads = ObjectReads(shape.Object!, reached);
                return memberReads is not null;
            default:
                return false;
        }
    }

    /// <summary>How each member of the object is read, or null when the object's reading is left to the metadata.</summary>
    private static MemberRead[]? ObjectReads(ObjectShape obj, List<string> reached)
    {
        if (obj.NumberHandling is not null || obj.UnmappedMemberHandling is not null || obj.ObjectCreationHandling is not null
            || obj.Creation == CreationKind.None || obj.Members.Count > 64
            || (obj.Creation == CreationKind.Parameterless && obj.Parameters.Count > 0))
        {
            return null;
        }

        var reads = new MemberRead[obj.Members.Count];
        var boundArguments = new bool[obj.Parameters.Count];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < obj.Members.Count; i++)
        {
            var member = obj.Members[i];

            // Anything System.Text.Json treats specially when reading is left to it.
            if (member.Ignore == IgnoreCondition.Always || (member.Ignore is { } ignore && !Enum.IsDefined(typeof(IgnoreCondition), ignore))
                || member.Converter is not null || member.NumberHandling is not null || member.ObjectCreationHandling is not null
                || member.IsExtensionData || member.IsRequired || member.HasJsonInclude || member.ThroughUnsafeAccessor
                || member.UnreachableIncludeSetter || !names.Add(member.WireName) || !IsWellFormed(member.WireName))
            {
                return null;
            }

            var argument = ArgumentOf(obj, member);
            if (argument >= 0)
            {
                if (boundArguments[argument] || obj.Parameters[argument].TypeFqn != member.TypeFqn)
                {
                    return null;
                }

                boundArguments[argument] = true;
                reads[i] = new MemberRead { Kind = MemberReadKind.Argument, ArgumentIndex = argument };
            }
            else if (member.Setter == SetterKind.None)
            {
                reads[i] = new MemberRead { Kind = MemberReadKind.Skip, ArgumentIndex = -1 };
                continue;
            }
            else if (obj.Creation == CreationKind.Parameterless && member.Setter == SetterKind.Setter)
            {
                reads[i] = new MemberRead { Kind = MemberReadKind.Assignment, ArgumentIndex = -1 };
            }
            else
            {
                // A settable member next to a constructor: System.Text.Json sets it after the constructor, in the
                // order the JSON has it; not spelled out here.
                return null;
            }

            reached.Add(member.TypeFqn);
        }

        // A parameter no member binds makes System.Text.Json refuse the type when it builds the metadata.
        return Array.IndexOf(boundArguments, false) >= 0 ? null : reads;
    }

    /// <summary>Whether a name has no lone surrogate (a <c>"..."u8</c> literal of one would not compile).</summary>
    private static bool IsWellFormed(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The creator argument a member is read into (System.Text.Json's binding rules), or -1.</summary>
    private static int ArgumentOf(ObjectShape obj, MemberShape member)
    {
        for (var i = 0; i < obj.Parameters.Count; i++)
        {
            var p = obj.Parameters[i];
            if (p.IsConstructorParameter
                ? string.Equals(p.Name, member.ClrName, StringComparison.OrdinalIgnoreCase)
                : string.Equals(p.Name, member.ClrName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
