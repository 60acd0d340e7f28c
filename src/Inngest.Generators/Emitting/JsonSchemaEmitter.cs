using System.Collections.Generic;
using System.Linq;
using System.Text;
using Inngest.Generators.Model;
using Inngest.Generators.Rules;

namespace Inngest.Generators.Emitting;

/// <summary>
/// The JSON Schema (draft 2020-12) of an event's <c>data</c>, computed from the same shapes the metadata and the
/// fast path are emitted from, so it describes the bytes they write: names after the naming policy and
/// [JsonPropertyName], only the members that are written, <c>required</c> for members always written,
/// nullability from the annotations, numbers as strings where [JsonNumberHandling] writes them so, enums as
/// their converter writes them, polymorphic types as unions on their discriminator. Object types are in
/// <c>$defs</c> (so recursion is a <c>$ref</c>); the event type itself is the root. Compact and stable: the same
/// shapes give the same text.
/// </summary>
internal sealed class JsonSchemaEmitter
{
    private const string StringEnumConverterPrefix = "new global::System.Text.Json.Serialization.JsonStringEnumConverter<";
    private const string IntegerPattern = "^-?\\\\d+$";
    private const string NumberPattern = "^-?(?:\\\\d+(?:\\\\.\\\\d*)?|\\\\.\\\\d+)(?:[eE][+-]?\\\\d+)?$";

    /// <summary>JsonIgnoreCondition.WhenWriting (.NET 9+), passed through as its number: never written.</summary>
    private const int WhenWriting = 4;

    private readonly Dictionary<string, TypeShape> _shapes = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defNames = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _usedDefNames = new(System.StringComparer.Ordinal);
    private readonly List<(string Name, string Schema)> _defs = new();
    private readonly string _rootFqn;

    private JsonSchemaEmitter(EventModel model)
    {
        _rootFqn = model.TypeFqn;
        foreach (var shape in model.Shapes)
        {
            _shapes[shape.Fqn] = shape;
        }
    }

    /// <summary>The schema of <paramref name="model"/>'s data, as compact JSON.</summary>
    public static string Emit(EventModel model)
    {
        var emitter = new JsonSchemaEmitter(model);
        var root = emitter._shapes.TryGetValue(model.TypeFqn, out var shape) ? emitter.TypeBody(shape) : SchemaNode.Any();
        root.Keywords.Insert(0, ("$schema", "\"https://json-schema.org/draft/2020-12/schema\""));
        if (emitter._defs.Count > 0)
        {
            var defs = new StringBuilder("{");
            foreach (var (name, schema) in emitter._defs.OrderBy(d => d.Name, System.StringComparer.Ordinal))
            {
                defs.Append(defs.Length > 1 ? "," : string.Empty).Append(JsonText.Quote(name)).Append(':').Append(schema);
            }

            root.Keywords.Add(("$defs", defs.Append('}').ToString()));
        }

        return root.ToString();
    }

    /// <summary>How one value of <paramref name="fqn"/> is written where it is used (member, element, value).</summary>
    private SchemaNode Use(string fqn, string nullability, int level, NumberHandling? numbers, string? memberConverter)
    {
        var node = UseNonNull(fqn, nullability, level, numbers, memberConverter);
        return level < nullability.Length && nullability[level] == '1' ? node.OrNull() : node;
    }

    private SchemaNode UseNonNull(string fqn, string nullability, int level, NumberHandling? numbers, string? memberConverter)
    {
        if (!_shapes.TryGetValue(fqn, out var shape))
        {
            // No generated metadata: resolved through the options' resolver chain at run time, so anything.
            return SchemaNode.Any();
        }

        if (shape.Kind == TypeShapeKind.Nullable && shape.ElementFqn is { } underlying)
        {
            return UseNonNull(underlying, nullability, level, numbers, memberConverter).OrNull();
        }

        if (memberConverter is not null)
        {
            // A member converter writes what it likes; the string enum converter is the one whose output is known.
            return memberConverter.StartsWith(StringEnumConverterPrefix, System.StringComparison.Ordinal) ? EnumSchema(shape, asString: true) : SchemaNode.Any();
        }

        switch (shape.Kind)
        {
            case TypeShapeKind.Value:
                return ValueSchema(shape.ValueConverter, numbers);
            case TypeShapeKind.Enum:
                return EnumSchema(shape, asString: false);
            case TypeShapeKind.CustomConverter:
                return shape.EnumMembers.Count > 0 && shape.CustomConverter is { } converter
                    && converter.StartsWith(StringEnumConverterPrefix, System.StringComparison.Ordinal)
                    ? EnumSchema(shape, asString: true)
                    : SchemaNode.Any();
            case TypeShapeKind.Collection:
                return shape.ElementFqn is { } element && !IsBytes(shape)
                    ? SchemaNode.OfType("array").With("items", Use(element, nullability, level + 1, numbers, null).ToString())
                    : SchemaNode.OfType("string").With("contentEncoding", "\"base64\"");
            case TypeShapeKind.Dictionary:
                return SchemaNode.OfType("object").With("additionalProperties", Use(shape.ElementFqn!, nullability, level + 1, numbers, null).ToString());
            case TypeShapeKind.Object:
                return SchemaNode.Ref(fqn == _rootFqn ? "#" : "#/$defs/" + Define(shape));
            default:
                return SchemaNode.Any();
        }
    }

    private static bool IsBytes(TypeShape shape) => shape.ElementFqn == "byte" && shape.Collection is CollectionKind.Array;

    /// <summary>The $defs name of an object type, its schema added the first time it is used.</summary>
    private string Define(TypeShape shape)
    {
        if (_defNames.TryGetValue(shape.Fqn, out var existing))
        {
            return existing;
        }

        var name = shape.DisplayName;
        for (var i = 2; !_usedDefNames.Add(name); i++)
        {
            name = shape.DisplayName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _defNames[shape.Fqn] = name;
        var index = _defs.Count;
        _defs.Add((name, string.Empty));
        _defs[index] = (name, TypeBody(shape).ToString());
        return name;
    }

    /// <summary>An object type's own schema: its members, or the union of its derived types when it is polymorphic.</summary>
    private SchemaNode TypeBody(TypeShape shape)
    {
        if (shape.Kind != TypeShapeKind.Object || shape.Object is not { } obj)
        {
            return UseNonNull(shape.Fqn, "0", 0, null, null);
        }

        if (shape.Polymorphism is not { } polymorphism)
        {
            return ObjectBody(shape, obj);
        }

        var variants = new List<string>();
        var exclusive = true;
        var baseListed = false;
        foreach (var derived in polymorphism.Derived)
        {
            baseListed |= derived.Fqn == shape.Fqn;
            var target = derived.Fqn == shape.Fqn
                ? ObjectBody(shape, obj)
                : _shapes.TryGetValue(derived.Fqn, out var derivedShape) && derivedShape.Object is not null
                    ? SchemaNode.Ref("#/$defs/" + Define(derivedShape))
                    : SchemaNode.Any();
            if (derived.Discriminator is { } discriminator)
            {
                // Written first, before the derived type's own members.
                target.Keywords.Add(("properties", "{" + JsonText.Quote(polymorphism.DiscriminatorName) + ":{\"const\":" + discriminator + "}}"));
                target.Keywords.Add(("required", "[" + JsonText.Quote(polymorphism.DiscriminatorName) + "]"));
            }
            else
            {
                exclusive = false;
            }

            variants.Add(target.ToString());
        }

        if (!baseListed && obj.Creation != CreationKind.None)
        {
            // A value of the declared type itself is written with its own members and no discriminator.
            variants.Insert(0, ObjectBody(shape, obj).ToString());
            exclusive = false;
        }

        return new SchemaNode().With(exclusive ? "oneOf" : "anyOf", "[" + string.Join(",", variants) + "]");
    }

    private SchemaNode ObjectBody(TypeShape shape, ObjectShape obj)
    {
        var properties = new StringBuilder("{");
        var required = new List<string>();
        var open = false;
        foreach (var member in obj.Members)
        {
            if (member.IsExtensionData)
            {
                // Its entries are written as the object's own properties.
                open |= member.OnFastPath;
                continue;
            }

            if (!member.OnFastPath || (int?)member.Ignore == WhenWriting)
            {
                continue; // never written: ignored, a field without [JsonInclude], no getter
            }

            var mayBeNull = member.Nullability.Length > 0 && member.Nullability[0] == '1';
            var omittedWhenNullOrDefault = member.Ignore == IgnoreCondition.WhenWritingDefault
                || (member.Ignore == IgnoreCondition.WhenWritingNull && mayBeNull);
            // Omitted when null (or default): present means not null.
            var nullability = omittedWhenNullOrDefault ? "0" + member.Nullability.Substring(System.Math.Min(1, member.Nullability.Length)) : member.Nullability;
            var value = Use(member.TypeFqn, nullability, 0, member.NumberHandling ?? obj.NumberHandling, member.Converter);
            properties.Append(properties.Length > 1 ? "," : string.Empty).Append(JsonText.Quote(member.WireName)).Append(':').Append(value);
            if (!omittedWhenNullOrDefault)
            {
                required.Add(JsonText.Quote(member.WireName));
            }
        }

        var node = SchemaNode.OfType("object");
        if (properties.Length > 1)
        {
            node.With("properties", properties.Append('}').ToString());
        }

        if (required.Count > 0)
        {
            node.With("required", "[" + string.Join(",", required) + "]");
        }

        _ = open; // extension data: the schema stays open to other properties, as every object schema here is
        return node;
    }

    private static SchemaNode EnumSchema(TypeShape shape, bool asString)
    {
        if (shape.IsFlagsEnum || shape.EnumMembers.Count == 0)
        {
            // Flags combine ("Read, Write"), and a combination the names cannot spell is written as its number.
            var any = SchemaNode.OfType(asString ? "string" : "integer");
            return asString ? any.OrInteger() : any;
        }

        var values = new List<string>();
        foreach (var member in shape.EnumMembers)
        {
            var value = asString ? JsonText.Quote(member.StringName) : member.Number;
            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return SchemaNode.OfEnum(values);
    }

    private static SchemaNode ValueSchema(string? converter, NumberHandling? numbers)
    {
        var asString = numbers is { } handling && (handling & NumberHandling.WriteAsString) != 0;
        var named = numbers is { } h && (h & NumberHandling.AllowNamedFloatingPointLiterals) != 0;
        switch (converter)
        {
            case "BooleanConverter":
                return SchemaNode.OfType("boolean");
            case "ByteConverter" or "SByteConverter" or "Int16Converter" or "UInt16Converter" or "Int32Converter" or "UInt32Converter"
                or "Int64Converter" or "UInt64Converter" or "Int128Converter" or "UInt128Converter":
                return asString ? SchemaNode.OfType("string").With("pattern", "\"" + IntegerPattern + "\"") : SchemaNode.OfType("integer");
            case "DecimalConverter":
                return asString ? SchemaNode.OfType("string").With("pattern", "\"" + NumberPattern + "\"") : SchemaNode.OfType("number");
            case "SingleConverter" or "DoubleConverter" or "HalfConverter":
                var number = asString ? SchemaNode.OfType("string").With("pattern", "\"" + NumberPattern + "\"") : SchemaNode.OfType("number");
                return named
                    ? new SchemaNode().With("anyOf", "[" + number + ",{\"enum\":[\"NaN\",\"Infinity\",\"-Infinity\"]}]")
                    : number;
            case "CharConverter":
                return SchemaNode.OfType("string").With("minLength", "1").With("maxLength", "1");
            case "StringConverter":
                return SchemaNode.OfType("string");
            case "GuidConverter":
                return SchemaNode.OfType("string").With("format", "\"uuid\"");
            case "DateTimeOffsetConverter":
                return SchemaNode.OfType("string").With("format", "\"date-time\"");
            case "DateTimeConverter":
                // ISO 8601 as DateTime.Kind gives it: no offset for Unspecified, so not always an RFC 3339 date-time.
                return SchemaNode.OfType("string").With("pattern", "\"^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}:\\\\d{2}(?:\\\\.\\\\d{1,7})?(?:Z|[+-]\\\\d{2}:\\\\d{2})?$\"");
            case "DateOnlyConverter":
                return SchemaNode.OfType("string").With("format", "\"date\"");
            case "TimeOnlyConverter":
                // HH:mm:ss[.fffffff] without an offset, so not an RFC 3339 time.
                return SchemaNode.OfType("string").With("pattern", "\"^\\\\d{2}:\\\\d{2}:\\\\d{2}(?:\\\\.\\\\d{1,7})?$\"");
            case "TimeSpanConverter":
                // [-][d.]hh:mm:ss[.fffffff] (the constant "c" format), not an ISO 8601 duration.
                return SchemaNode.OfType("string").With("pattern", "\"^-?(?:\\\\d+\\\\.)?\\\\d{2}:\\\\d{2}:\\\\d{2}(?:\\\\.\\\\d{1,7})?$\"");
            case "UriConverter":
                // The original string as given (it may hold spaces), so neither a URI nor an IRI reference by RFC.
                return SchemaNode.OfType("string");
            case "VersionConverter":
                return SchemaNode.OfType("string").With("pattern", "\"^\\\\d+(?:\\\\.\\\\d+){1,3}$\"");
            case "ByteArrayConverter" or "MemoryByteConverter" or "ReadOnlyMemoryByteConverter":
                return SchemaNode.OfType("string").With("contentEncoding", "\"base64\"");
            case "JsonObjectConverter":
                return SchemaNode.OfType("object");
            case "JsonArrayConverter":
                return SchemaNode.OfType("array");
            default:
                // object, JsonElement, JsonDocument, JsonNode, JsonValue: any JSON value.
                return SchemaNode.Any();
        }
    }
}
