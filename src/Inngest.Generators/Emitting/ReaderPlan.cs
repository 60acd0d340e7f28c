using System;
using System.Collections.Generic;
using Inngest.Generators.Model;

namespace Inngest.Generators.Emitting;

/// <summary>
/// Which payload types get a generated reader (<c>TryRead_X</c>, what <c>InngestEvent.Parse</c> reads a received event's
/// data with), and how each object member is bound. A reader is an optimization System.Text.Json must agree with
/// exactly: it covers the shapes whose reading the library can spell out with certainty (objects created by one
/// constructor or a parameterless one, strings, booleans, whole numbers, doubles, decimals, dates, GUIDs, nullable
/// values, lists, arrays and string-keyed dictionaries of those), and it gives up on anything else at run time (a
/// member name that matches only ignoring case, a repeated member, a quoted number, a metadata property): the caller
/// then reads the data with the metadata from the start. Every other type, and every type that reaches one, has none.
/// </summary>
/// <remarks>
/// Computed from the shapes alone (the same shapes give the same plan in the context and in every event file), as a
/// fixpoint: a type is readable when its own shape is and every type it reaches is, so a cycle of readable types stays
/// readable and one unreadable member takes every type that reaches it out.
/// </remarks>
internal sealed class ReaderPlan
{
    /// <summary>How an object member is read.</summary>
    internal enum BindingKind
    {
        /// <summary>Into the creator's argument (a constructor parameter or an init member in its initializer).</summary>
        Argument,

        /// <summary>Assigned on the object made by the parameterless constructor.</summary>
        Assignment,

        /// <summary>Known but not settable: its value is skipped, as System.Text.Json skips it.</summary>
        Skip,
    }

    /// <summary>One member of a readable object and where its value goes.</summary>
    internal sealed record Binding(MemberShape Member, BindingKind Kind, int ArgumentIndex);

    private readonly Dictionary<string, TypeShape> _shapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Binding>> _bindings = new(StringComparer.Ordinal);

    public ReaderPlan(IEnumerable<TypeShape> shapes)
    {
        var dependencies = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            if (!_shapes.ContainsKey(shape.Fqn))
            {
                _shapes.Add(shape.Fqn, shape);
            }
        }

        foreach (var shape in _shapes.Values)
        {
            var reached = new List<string>();
            if (IsLocallyReadable(shape, reached))
            {
                _readable.Add(shape.Fqn);
                dependencies[shape.Fqn] = reached;
            }
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var pair in dependencies)
            {
                if (_readable.Contains(pair.Key) && pair.Value.Exists(d => !_readable.Contains(d)))
                {
                    _readable.Remove(pair.Key);
                    changed = true;
                }
            }
        }
    }

    /// <summary>Whether values of <paramref name="fqn"/> are read by generated code.</summary>
    public bool CanRead(string fqn) => _readable.Contains(fqn);

    /// <summary>The shape of a readable type, or null.</summary>
    public TypeShape? ReadableShape(string fqn) => _readable.Contains(fqn) ? _shapes[fqn] : null;

    /// <summary>The readable types, in ordinal order of their names.</summary>
    public IEnumerable<TypeShape> ReadableShapes()
    {
        var list = new List<TypeShape>();
        foreach (var fqn in _readable)
        {
            list.Add(_shapes[fqn]);
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Fqn, b.Fqn));
        return list;
    }

    /// <summary>A readable object's members, each with where its value goes.</summary>
    public List<Binding> Bindings(string fqn) => _bindings[fqn];

    /// <summary>
    /// Whether System.Text.Json reads a sequence of this type into a <c>List&lt;T&gt;</c>: the list itself and the
    /// interfaces it creates one for (a type implementing them is created as itself, and has no reader).
    /// </summary>
    public static bool IsListRead(string fqn, string element)
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
    public static bool IsDictionaryRead(string fqn, string element)
        => fqn == "global::System.Collections.Generic.Dictionary<string, " + element + ">"
            || fqn == "global::System.Collections.Generic.IDictionary<string, " + element + ">"
            || fqn == "global::System.Collections.Generic.IReadOnlyDictionary<string, " + element + ">";

    private static readonly string[] ListReads = { "List", "IList", "ICollection", "IEnumerable", "IReadOnlyList", "IReadOnlyCollection" };

    /// <summary>The helper that reads a value of a built-in converter's type, or null when there is none.</summary>
    public static string? PrimitiveReader(TypeShape shape) => shape.Kind != TypeShapeKind.Value ? null : shape.ValueConverter switch
    {
        "StringConverter" => "ReadString",
        "BooleanConverter" => "ReadBoolean",
        "Int32Converter" => "ReadInt32",
        "Int64Converter" => "ReadInt64",
        "Int16Converter" => "ReadInt16",
        "SByteConverter" => "ReadSByte",
        "ByteConverter" => "ReadByte",
        "UInt16Converter" => "ReadUInt16",
        "UInt32Converter" => "ReadUInt32",
        "UInt64Converter" => "ReadUInt64",
        "SingleConverter" => "ReadSingle",
        "DoubleConverter" => "ReadDouble",
        "DecimalConverter" => "ReadDecimal",
        "DateTimeOffsetConverter" => "ReadDateTimeOffset",
        "DateTimeConverter" => "ReadDateTime",
        "GuidConverter" => "ReadGuid",
        _ => null,
    };

    private bool IsLocallyReadable(TypeShape shape, List<string> reached)
    {
        if (shape.IsPolymorphic)
        {
            return false;
        }

        switch (shape.Kind)
        {
            case TypeShapeKind.Value:
                return PrimitiveReader(shape) is not null;
            case TypeShapeKind.Nullable:
                reached.Add(shape.ElementFqn!);
                return true;
            case TypeShapeKind.Collection:
                reached.Add(shape.ElementFqn!);
                return shape.Collection switch
                {
                    CollectionKind.Array => shape.Fqn == shape.ElementFqn + "[]",
                    _ => IsListRead(shape.Fqn, shape.ElementFqn!),
                };
            case TypeShapeKind.Dictionary:
                reached.Add(shape.ElementFqn!);
                return shape.KeyFqn == "string" && IsDictionaryRead(shape.Fqn, shape.ElementFqn!);
            case TypeShapeKind.Object:
                return IsObjectReadable(shape, reached);
            default:
                return false;
        }
    }

    private bool IsObjectReadable(TypeShape shape, List<string> reached)
    {
        var obj = shape.Object!;
        if (obj.NumberHandling is not null || obj.UnmappedMemberHandling is not null || obj.ObjectCreationHandling is not null
            || obj.Creation == CreationKind.None || obj.Members.Count > 64)
        {
            return false;
        }

        if (obj.Creation == CreationKind.Parameterless && obj.Parameters.Count > 0)
        {
            return false;
        }

        var bindings = new List<Binding>(obj.Members.Count);
        var boundArguments = new bool[obj.Parameters.Count];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in obj.Members)
        {
            // Anything System.Text.Json treats specially when reading is left to it.
            if (member.Ignore == IgnoreCondition.Always || (member.Ignore is { } ignore && !Enum.IsDefined(typeof(IgnoreCondition), ignore))
                || member.Converter is not null || member.NumberHandling is not null || member.ObjectCreationHandling is not null
                || member.IsExtensionData || member.IsRequired || member.HasJsonInclude || member.ThroughUnsafeAccessor
                || member.UnreachableIncludeSetter || !names.Add(member.WireName) || !IsWellFormed(member.WireName))
            {
                return false;
            }

            var argument = ArgumentOf(obj, member);
            if (argument >= 0)
            {
                if (boundArguments[argument] || obj.Parameters[argument].TypeFqn != member.TypeFqn)
                {
                    return false;
                }

                boundArguments[argument] = true;
                bindings.Add(new Binding(member, BindingKind.Argument, argument));
            }
            else if (member.Setter == SetterKind.None)
            {
                bindings.Add(new Binding(member, BindingKind.Skip, -1));
                continue;
            }
            else if (obj.Creation == CreationKind.Parameterless && member.Setter == SetterKind.Setter)
            {
                bindings.Add(new Binding(member, BindingKind.Assignment, -1));
            }
            else
            {
                // A settable member next to a constructor: System.Text.Json sets it after the constructor, in the
                // order the JSON has it; not spelled out here.
                return false;
            }

            reached.Add(member.TypeFqn);
        }

        // A parameter no member binds makes System.Text.Json refuse the type when it builds the metadata.
        if (Array.IndexOf(boundArguments, false) >= 0)
        {
            return false;
        }

        _bindings[shape.Fqn] = bindings;
        return true;
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
