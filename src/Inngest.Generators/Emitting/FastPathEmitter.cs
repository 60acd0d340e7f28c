using System.Globalization;
using Inngest.Generators.Model;
using static Inngest.Generators.Emitting.ContextHelpers;
using static Inngest.Generators.Emitting.CSharp;

namespace Inngest.Generators.Emitting;

/// <summary>
/// Emits a type's fast path (<c>Serialize_X</c>, the SerializeHandler), as the parser planned it: System.Text.Json runs
/// it when the options in use are the context's own; the writer calls are the ones the built-in converters make.
/// </summary>
internal static class FastPathEmitter
{
    public static void Emit(SourceWriter w, TypeShape shape, ContextNames names, ContextHelpers helpers)
    {
        if (!shape.HasFastPath)
        {
            return;
        }

        if (shape.Object is { } obj)
        {
            EmitObject(w, shape, obj, names, helpers);
        }
        else
        {
            EmitCollection(w, shape, names, helpers);
        }
    }

    private static void EmitObject(SourceWriter w, TypeShape shape, ObjectShape obj, ContextNames names, ContextHelpers helpers)
    {
        var name = names.Property(shape.Fqn);
        w.Line();
        var anyUnconditional = false;
        for (var i = 0; i < obj.Members.Count; i++)
        {
            var m = obj.Members[i];
            if (!m.OnFastPath)
            {
                continue;
            }

            anyUnconditional |= m.Ignore is not (IgnoreCondition.WhenWritingNull or IgnoreCondition.WhenWritingDefault) || Condition(m, "value") is null;
            w.Line("private static readonly " + Json + "JsonEncodedText PropName_" + name + "_" + i.ToString(CultureInfo.InvariantCulture)
                + " = " + Json + "JsonEncodedText.Encode(" + Literal(m.WireName) + ");");
        }

        w.Line();
        Signature(w, shape, names);
        if (!anyUnconditional)
        {
            // Only conditional members: the object's own depth, then each member's when it is written.
            w.Line(helpers.Use("CheckDepth") + "(writer);");
        }

        w.Line("writer.WriteStartObject();");
        if (anyUnconditional)
        {
            // Member values are written one level down, where the metadata path checks the depth of each; one check
            // covers them all, and the object's own depth (one less) with them.
            w.Line(helpers.Use("CheckDepth") + "(writer);");
        }

        for (var i = 0; i < obj.Members.Count; i++)
        {
            var m = obj.Members[i];
            if (!m.OnFastPath)
            {
                continue;
            }

            var encoded = "PropName_" + name + "_" + i.ToString(CultureInfo.InvariantCulture);
            var access = TypeInfoEmitter.Read(m, name, "value");
            var condition = Condition(m, access);
            if (condition is not null)
            {
                w.Open("if (" + condition + ")");
                if (!anyUnconditional)
                {
                    w.Line("CheckDepth(writer);");
                }
            }

            EmitMember(w, m, encoded, access, i, names, helpers);
            if (condition is not null)
            {
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static void EmitMember(SourceWriter w, MemberShape m, string encoded, string access, int index, ContextNames names, ContextHelpers helpers)
    {
        switch (m.Write)
        {
            case { IsNullable: false, Kind: ValueWriteKind.Boolean }:
                w.Line("writer.WriteBoolean(" + encoded + ", " + access + ");");
                return;
            case { IsNullable: false, Kind: ValueWriteKind.Number } number:
                w.Line("writer.WriteNumber(" + encoded + ", " + Cast(number) + access + ");");
                return;
            case { IsNullable: false, Kind: ValueWriteKind.String }:
                w.Line("writer.WriteString(" + encoded + ", " + access + ");");
                return;
            case { IsNullable: false, Kind: ValueWriteKind.Decimal }:
                w.Line(helpers.Use("WriteDecimal") + "(writer, " + encoded + ", " + access + ");");
                return;
            case { IsNullable: true } nullable:
                var local = "m" + index.ToString(CultureInfo.InvariantCulture);
                w.Line("var " + local + " = " + access + ";");
                w.Open("if (" + local + ".HasValue)");
                w.Line("writer.WritePropertyName(" + encoded + ");");
                w.Line(Value(nullable with { IsNullable = false }, local + ".GetValueOrDefault()", names, helpers));
                w.Close();
                w.Open("else");
                w.Line("writer.WriteNull(" + encoded + ");");
                w.Close();
                return;
            case { } write:
                w.Line("writer.WritePropertyName(" + encoded + ");");
                w.Line(Value(write, access, names, helpers));
                return;
            default:
                w.Line("writer.WritePropertyName(" + encoded + ");");
                w.Line(Json + "JsonSerializer.Serialize<" + m.TypeFqn + ">(writer, " + access + "!, " + names.TypeInfoProperty(m.TypeFqn) + ");");
                return;
        }
    }

    /// <summary>The [JsonIgnore] condition as a C# condition, or null when the member is always written.</summary>
    private static string? Condition(MemberShape m, string access)
        => m.Ignore switch
        {
            IgnoreCondition.WhenWritingNull when !m.TypeIsValueType || m.TypeIsNullableValueType => access + " is not null",
            IgnoreCondition.WhenWritingDefault => m.TypeIsValueType && !m.TypeIsNullableValueType
                ? "!global::System.Collections.Generic.EqualityComparer<" + m.TypeFqn + ">.Default.Equals(" + access + ", default)"
                : access + " is not null",
            _ => null,
        };

    private static void EmitCollection(SourceWriter w, TypeShape shape, ContextNames names, ContextHelpers helpers)
    {
        var isDictionary = shape.Kind == TypeShapeKind.Dictionary;
        var element = shape.ElementFqn!;
        var isImmutableArray = shape.IsValueType;
        w.Line();
        Signature(w, shape, names);
        if (isImmutableArray)
        {
            w.Open("if (value.IsDefault)");
            w.Line("throw new global::System.InvalidOperationException(\"A default (uninitialized) ImmutableArray<" + DocName(element) + "> cannot be serialized: assign an array, for example ImmutableArray<T>.Empty.\");");
            w.Close();
            w.Line();
        }

        // A collection whose length is known checks once, before its start: the depth of its elements when it has any
        // (which covers its own, one less), its own when it is empty. Other collections check their own depth, then
        // each element's as the converters do.
        var count = shape.Collection switch
        {
            CollectionKind.Array => "value.Length",
            CollectionKind.List or CollectionKind.Dictionary => "value.Count",
            _ => isImmutableArray ? "value.Length" : null,
        };
        w.Line(helpers.Use("CheckDepth") + "(writer" + (count is null ? string.Empty : ", " + count + " == 0 ? 0 : 1") + ");");
        w.Line(isDictionary ? "writer.WriteStartObject();" : "writer.WriteStartArray();");
        var write = shape.ElementWrite!;
        var checkEach = count is null;
        switch (shape.Collection)
        {
            case CollectionKind.Array:
                w.Open("for (var i = 0; i < value.Length; i++)");
                EmitElement(w, write, "value[i]", checkEach, names, helpers);
                break;
            case CollectionKind.List:
                w.Open("for (var i = 0; i < value.Count; i++)");
                EmitElement(w, write, "value[i]", checkEach, names, helpers);
                break;
            default:
                if (isDictionary)
                {
                    w.Open("foreach (var entry in value)");
                    EmitEntry(w, write, checkEach, names, helpers);
                }
                else
                {
                    w.Open("foreach (var item in value)");
                    EmitElement(w, write, "item", checkEach, names, helpers);
                }

                break;
        }

        w.Close();
        w.Line(isDictionary ? "writer.WriteEndObject();" : "writer.WriteEndArray();");
        w.Close();
    }

    /// <summary>A dictionary entry: a value the converters write as a primitive goes in one writer call with its key, as System.Text.Json's own fast path writes it.</summary>
    private static void EmitEntry(SourceWriter w, ValueWrite write, bool checkEach, ContextNames names, ContextHelpers helpers)
    {
        if (checkEach)
        {
            w.Line("CheckDepth(writer);");
        }

        var call = write is { IsNullable: false } ? write.Kind switch
        {
            ValueWriteKind.Boolean => "writer.WriteBoolean(entry.Key, entry.Value);",
            ValueWriteKind.Number => "writer.WriteNumber(entry.Key, " + Cast(write) + "entry.Value);",
            ValueWriteKind.String => "writer.WriteString(entry.Key, entry.Value);",
            _ => null,
        } : null;
        if (call is not null)
        {
            w.Line(call);
            return;
        }

        w.Line("writer.WritePropertyName(entry.Key);");
        w.Line(Value(write, "entry.Value", names, helpers));
    }

    private static void EmitElement(SourceWriter w, ValueWrite write, string expression, bool checkEach, ContextNames names, ContextHelpers helpers)
    {
        if (checkEach && (write.Kind != ValueWriteKind.FastPath || write.IsNullable))
        {
            // An element's own fast path checks the depth itself; values written here are checked as the converters check them.
            w.Line("CheckDepth(writer);");
        }

        w.Line(Value(write, expression, names, helpers));
    }

    private static void Signature(SourceWriter w, TypeShape shape, ContextNames names)
    {
        var t = shape.Collection == CollectionKind.Array ? shape.ElementFqn + "[]" : shape.Fqn;
        w.Open("private void " + names.FastPath(shape.Fqn) + "(" + Json + "Utf8JsonWriter writer, " + t + (shape.IsValueType ? string.Empty : "?") + " value)");
        if (!shape.IsValueType)
        {
            w.Line("if (value is null) { writer.WriteNullValue(); return; }");
        }
    }

    /// <summary>A statement writing <paramref name="expression"/> (a local or an element access) as one JSON value.</summary>
    private static string Value(ValueWrite write, string expression, ContextNames names, ContextHelpers helpers)
    {
        if (write.IsNullable)
        {
            return "if (" + expression + ".HasValue) { " + Value(write with { IsNullable = false }, expression + ".GetValueOrDefault()", names, helpers) + " } else { writer.WriteNullValue(); }";
        }

        return write.Kind switch
        {
            ValueWriteKind.Boolean => "writer.WriteBooleanValue(" + expression + ");",
            ValueWriteKind.Number => "writer.WriteNumberValue(" + Cast(write) + expression + ");",
            ValueWriteKind.String => "writer.WriteStringValue(" + expression + ");",
            ValueWriteKind.Decimal => helpers.Use("WriteDecimalValue") + "(writer, " + expression + ");",
            _ => names.FastPath(write.FastPathFqn!) + "(writer, " + expression + ");",
        };
    }

    private static string Cast(ValueWrite write) => write.Cast is { } cast ? "(" + cast + ")" : string.Empty;
}
