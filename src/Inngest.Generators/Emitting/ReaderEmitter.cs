using System.Collections.Generic;
using System.Globalization;
using Inngest.Generators.Model;
using static Inngest.Generators.Emitting.ContextHelpers;
using static Inngest.Generators.Emitting.CSharp;

namespace Inngest.Generators.Emitting;

/// <summary>
/// Emits the generated readers (planned by <c>Parsing/ReaderPlanner</c>): one <c>TryRead_X</c> per readable object, collection,
/// dictionary and nullable type, and one <c>TryReadEvent</c> overload per readable event type, which the event file's
/// <c>IInngestEventData.TryReadData</c> calls. Each returns false, wherever the reader then is, as soon as the input
/// leaves what it spells out; the runtime then reads the data with the metadata from the start.
/// </summary>
internal static class ReaderEmitter
{
    public static void Emit(SourceWriter w, IReadOnlyDictionary<string, TypeShape> shapes, IEnumerable<string> eventTypes, ContextNames names, ContextHelpers helpers)
    {
        var any = false;
        foreach (var shape in shapes.Values)
        {
            if (!shape.HasReader || shape.Kind == TypeShapeKind.Value)
            {
                continue;
            }

            if (!any)
            {
                // The locals take the members' types as declared; null checks are the readers' own (as System.Text.Json's).
                w.Line();
                w.Line("#nullable disable");
                any = true;
            }

            switch (shape.Kind)
            {
                case TypeShapeKind.Object:
                    EmitObject(w, shape, shapes, names, helpers);
                    break;
                case TypeShapeKind.Nullable:
                    EmitNullable(w, shape, shapes, names, helpers);
                    break;
                case TypeShapeKind.Dictionary:
                    EmitDictionary(w, shape, shapes, names, helpers);
                    break;
                default:
                    EmitSequence(w, shape, shapes, names, helpers);
                    break;
            }
        }

        foreach (var fqn in eventTypes)
        {
            if (shapes.TryGetValue(fqn, out var shape) && shape.HasReader)
            {
                w.Line();
                w.Line("internal static bool TryReadEvent(ref " + Json + "Utf8JsonReader reader, out " + fqn + " value) => " + ReaderOf(fqn, shapes, names, helpers) + "(ref reader, out value);");
            }
        }

        if (any)
        {
            w.Line("#nullable restore");
        }
    }

    /// <summary>The method that reads a value of <paramref name="fqn"/>: a value helper of the context, or the type's own reader.</summary>
    private static string ReaderOf(string fqn, IReadOnlyDictionary<string, TypeShape> shapes, ContextNames names, ContextHelpers helpers)
        => shapes[fqn].Kind == TypeShapeKind.Value ? helpers.Use(ValueHelper(shapes[fqn].ValueConverter!)) : "TryRead_" + names.Property(fqn);

    /// <summary>The context's helper for a built-in converter's type (ContextHelpers): <c>Int32Converter</c> is read by <c>ReadInt32</c>.</summary>
    private static string ValueHelper(string converter) => "Read" + converter.Substring(0, converter.Length - "Converter".Length);

    private static void Begin(SourceWriter w, TypeShape shape, ContextNames names)
    {
        w.Line();
        w.Line("private static bool TryRead_" + names.Property(shape.Fqn) + "(ref " + Json + "Utf8JsonReader reader, out " + shape.Fqn + " value)");
        w.Open();
        w.Line("value = default;");
    }

    private static void EmitObject(SourceWriter w, TypeShape shape, IReadOnlyDictionary<string, TypeShape> shapes, ContextNames names, ContextHelpers helpers)
    {
        var obj = shape.Object!;
        var name = names.Property(shape.Fqn);
        var members = obj.Members;
        var known = new List<string>(members.Count);
        foreach (var member in members)
        {
            known.Add(Literal(member.WireName));
        }

        w.Line();
        w.Line("private static readonly string[] Names_" + name + " = new string[] { " + string.Join(", ", known) + " };");
        Begin(w, shape, names);
        w.Line("if (reader.TokenType != " + Json + "JsonTokenType.StartObject) return " + (shape.IsValueType ? "false" : "reader.TokenType == " + Json + "JsonTokenType.Null") + ";");
        if (obj.Creation == CreationKind.Parameterized)
        {
            for (var i = 0; i < obj.Parameters.Count; i++)
            {
                var p = obj.Parameters[i];
                w.Line(p.TypeFqn + " a" + Index(i) + " = " + (p.DefaultValue ?? "default") + ";");
            }
        }
        else
        {
            w.Line("var result = new " + shape.Fqn + "();");
        }

        if (!AllSkipped(members))
        {
            w.Line("ulong seen = 0;");
        }

        w.Line("while (reader.Read() && reader.TokenType == " + Json + "JsonTokenType.PropertyName)");
        w.Open();
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var read = member.Read!;
            string statement;
            if (read.Kind == MemberReadKind.Skip)
            {
                statement = "if (!reader.Read()) return false; reader.Skip();";
            }
            else
            {
                var call = "!" + helpers.Use("ReadMember") + "(ref reader, ref seen, 0x" + (1UL << i).ToString("X", CultureInfo.InvariantCulture) + "UL) || !" + ReaderOf(member.TypeFqn, shapes, names, helpers) + "(ref reader, out ";
                statement = read.Kind == MemberReadKind.Argument
                    ? "if (" + call + "a" + Index(read.ArgumentIndex) + ")) return false;"
                    : "if (" + call + member.TypeFqn + " v)) return false; result." + Id(member.ClrName) + " = v;";
            }

            w.Line((i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + Utf8Literal(member.WireName) + ")) { " + statement + " }");
        }

        w.Line((members.Count == 0 ? "if" : "else if") + " (!" + helpers.Use("SkipUnknown") + "(ref reader, Names_" + name + ")) return false;");
        w.Close();
        w.Line();
        w.Line("if (reader.TokenType != " + Json + "JsonTokenType.EndObject) return false;");
        if (obj.Creation == CreationKind.Parameterized)
        {
            w.Line("value = " + TypeInfoEmitter.Creation(shape.Fqn, obj, i => "a" + Index(i)) + ";");
        }
        else
        {
            w.Line("value = result;");
        }

        w.Line("return true;");
        w.Close();
    }

    private static void EmitNullable(SourceWriter w, TypeShape shape, IReadOnlyDictionary<string, TypeShape> shapes, ContextNames names, ContextHelpers helpers)
    {
        Begin(w, shape, names);
        w.Line("if (reader.TokenType == " + Json + "JsonTokenType.Null) return true;");
        w.Line("if (!" + ReaderOf(shape.ElementFqn!, shapes, names, helpers) + "(ref reader, out " + shape.ElementFqn + " inner)) return false;");
        w.Line("value = inner;");
        w.Line("return true;");
        w.Close();
    }

    private static void EmitSequence(SourceWriter w, TypeShape shape, IReadOnlyDictionary<string, TypeShape> shapes, ContextNames names, ContextHelpers helpers)
    {
        var element = shape.ElementFqn!;
        Begin(w, shape, names);
        w.Line("if (reader.TokenType != " + Json + "JsonTokenType.StartArray) return reader.TokenType == " + Json + "JsonTokenType.Null;");
        w.Line("var items = new global::System.Collections.Generic.List<" + element + ">();");
        w.Line("while (reader.Read() && reader.TokenType != " + Json + "JsonTokenType.EndArray)");
        w.Open();
        w.Line("if (!" + ReaderOf(element, shapes, names, helpers) + "(ref reader, out " + element + " item)) return false;");
        w.Line("items.Add(item);");
        w.Close();
        w.Line();
        w.Line("if (reader.TokenType != " + Json + "JsonTokenType.EndArray) return false;");
        w.Line("value = items" + (shape.Collection == CollectionKind.Array ? ".ToArray()" : string.Empty) + ";");
        w.Line("return true;");
        w.Close();
    }

    private static void EmitDictionary(SourceWriter w, TypeShape shape, IReadOnlyDictionary<string, TypeShape> shapes, ContextNames names, ContextHelpers helpers)
    {
        var element = shape.ElementFqn!;
        Begin(w, shape, names);
        w.Line("if (reader.TokenType != " + Json + "JsonTokenType.StartObject) return reader.TokenType == " + Json + "JsonTokenType.Null;");
        w.Line("var entries = new global::System.Collections.Generic.Dictionary<string, " + element + ">();");
        w.Line("while (reader.Read() && reader.TokenType == " + Json + "JsonTokenType.PropertyName)");
        w.Open();
        // A repeated key or a metadata-like one ($id, $type) is left to System.Text.Json.
        w.Line("var key = reader.GetString();");
        w.Line("if ((key.Length > 0 && key[0] == '$') || !reader.Read() || !" + ReaderOf(element, shapes, names, helpers) + "(ref reader, out " + element + " item) || !entries.TryAdd(key, item)) return false;");
        w.Close();
        w.Line();
        w.Line("if (reader.TokenType != " + Json + "JsonTokenType.EndObject) return false;");
        w.Line("value = entries;");
        w.Line("return true;");
        w.Close();
    }

    private static bool AllSkipped(EquatableArray<MemberShape> members)
    {
        foreach (var member in members)
        {
            if (member.Read!.Kind != MemberReadKind.Skip)
            {
                return false;
            }
        }

        return true;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>) of a member's JSON name.</summary>
    private static string Utf8Literal(string text) => Literal(text) + "u8";
}
