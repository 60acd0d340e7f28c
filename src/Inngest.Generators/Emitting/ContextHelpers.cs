using System.Collections.Generic;

namespace Inngest.Generators.Emitting;

/// <summary>The shared helper methods of the context, each emitted once and only when some metadata uses it.</summary>
internal sealed class ContextHelpers
{
    // The context file declares these aliases inside its namespace (only the generated types of that namespace could
    // clash with them), which keeps every line of metadata short.
    public const string Json = "Json.";
    public const string Serialization = "JsonSerialization.";
    public const string Metadata = "JsonMetadata.";
    public const string Services = "JsonMetadataServices";

    /// <summary>The alias directives the names above rely on.</summary>
    public const string Aliases = """
        using Json = global::System.Text.Json;
        using JsonMetadata = global::System.Text.Json.Serialization.Metadata;
        using JsonMetadataServices = global::System.Text.Json.Serialization.Metadata.JsonMetadataServices;
        using JsonSerialization = global::System.Text.Json.Serialization;
        """;

    private readonly SortedSet<string> _used = new(System.StringComparer.Ordinal);

    /// <summary>Marks <paramref name="name"/> used and returns it.</summary>
    public string Use(string name)
    {
        _used.Add(name);
        if (name is "Finish" or "MemberConverter" or "NullableMemberConverter")
        {
            _used.Add("ExpandConverter");
        }

        if (name is "WriteDecimal" or "WriteDecimalValue")
        {
            _used.Add("FormatDecimal");
        }

        if (name == "Members")
        {
            _used.Add("Property");
            _used.Add("InitOnly");
        }

        return name;
    }

    public void Emit(SourceWriter w)
    {
        foreach (var name in _used)
        {
            w.Line();
            w.Lines(ValueReaders.TryGetValue(name, out var reader) ? ValueReader(name, reader) : Templates[name]);
        }
    }

    /// <summary>
    /// The generated readers' numbers, dates and GUIDs (ReaderEmitter): the <c>Utf8JsonReader</c> call System.Text.Json's
    /// built-in converter makes, for the one token it accepts without number handling.
    /// </summary>
    private static readonly Dictionary<string, (string Type, string Token, string Call)> ValueReaders = new(System.StringComparer.Ordinal)
    {
        ["ReadByte"] = ("byte", "Number", "TryGetByte"),
        ["ReadSByte"] = ("sbyte", "Number", "TryGetSByte"),
        ["ReadInt16"] = ("short", "Number", "TryGetInt16"),
        ["ReadUInt16"] = ("ushort", "Number", "TryGetUInt16"),
        ["ReadInt32"] = ("int", "Number", "TryGetInt32"),
        ["ReadUInt32"] = ("uint", "Number", "TryGetUInt32"),
        ["ReadInt64"] = ("long", "Number", "TryGetInt64"),
        ["ReadUInt64"] = ("ulong", "Number", "TryGetUInt64"),
        ["ReadSingle"] = ("float", "Number", "TryGetSingle"),
        ["ReadDouble"] = ("double", "Number", "TryGetDouble"),
        ["ReadDecimal"] = ("decimal", "Number", "TryGetDecimal"),
        ["ReadDateTimeOffset"] = ("global::System.DateTimeOffset", "String", "TryGetDateTimeOffset"),
        ["ReadDateTime"] = ("global::System.DateTime", "String", "TryGetDateTime"),
        ["ReadGuid"] = ("global::System.Guid", "String", "TryGetGuid"),
    };

    private static string ValueReader(string name, (string Type, string Token, string Call) reader) => $$"""
        private static bool {{name}}(ref {{Json}}Utf8JsonReader reader, out {{reader.Type}} value)
        {
            value = default;
            return reader.TokenType == {{Json}}JsonTokenType.{{reader.Token}} && reader.{{reader.Call}}(out value);
        }
        """;

    private static readonly Dictionary<string, string> Templates = new(System.StringComparer.Ordinal)
    {
        ["Finish"] = $$"""
            // Converters registered on the options win over generated metadata, as with reflection; every result's resolver is this context.
            private {{Metadata}}JsonTypeInfo<T> Finish<T>({{Json}}JsonSerializerOptions options, global::System.Func<{{Json}}JsonSerializerOptions, {{Metadata}}JsonTypeInfo<T>> create)
            {
                {{Metadata}}JsonTypeInfo<T>? info = null;
                for (var i = 0; i < options.Converters.Count && info is null; i++)
                {
                    if (options.Converters[i] is { } converter && converter.CanConvert(typeof(T)))
                    {
                        info = {{Services}}.CreateValueInfo<T>(options, ExpandConverter(typeof(T), converter, options));
                    }
                }

                if (info is null)
                {
                    info = create(options);
                    if (info.Kind is {{Metadata}}JsonTypeInfoKind.Enumerable or {{Metadata}}JsonTypeInfoKind.Dictionary)
                    {
                        // JsonCollectionInfoValues.NumberHandling cannot be null, and Strict would override the options'
                        // (Web: numbers read from strings) for the elements; null defers to the options, as reflection does.
                        info.NumberHandling = null;
                    }
                }

                info.OriginatingResolver = this;
                return info;
            }
            """,
        ["ExpandConverter"] = $$"""
            private static {{Serialization}}JsonConverter ExpandConverter(global::System.Type type, {{Serialization}}JsonConverter converter, {{Json}}JsonSerializerOptions options)
            {
                if (!converter.CanConvert(type))
                {
                    throw new global::System.InvalidOperationException($"The converter '{converter.GetType()}' cannot convert '{type}': fix the [JsonConverter] attribute so it names a converter for that type.");
                }

                if (converter is {{Serialization}}JsonConverterFactory factory)
                {
                    converter = factory.CreateConverter(type, options)
                        ?? throw new global::System.InvalidOperationException($"The converter factory '{factory.GetType()}' returned no converter for '{type}'.");
                }

                return converter;
            }
            """,
        ["MemberConverter"] = $$"""
            private static {{Serialization}}JsonConverter<T> MemberConverter<T>({{Serialization}}JsonConverter converter, {{Json}}JsonSerializerOptions options)
                => ({{Serialization}}JsonConverter<T>)ExpandConverter(typeof(T), converter, options);
            """,
        ["NullableMemberConverter"] = $$"""
            // A [JsonConverter] on a Nullable<T> member: used as is when it converts T?, else wrapped around T.
            private static {{Serialization}}JsonConverter<T?> NullableMemberConverter<T>({{Serialization}}JsonConverter converter, {{Json}}JsonSerializerOptions options)
                where T : struct
                => converter.CanConvert(typeof(T?))
                    ? ({{Serialization}}JsonConverter<T?>)ExpandConverter(typeof(T?), converter, options)
                    : {{Services}}.GetNullableConverter<T>({{Services}}.CreateValueInfo<T>(options, ExpandConverter(typeof(T), converter, options)));
            """,
        ["ObjectInfo"] = $$"""
            private static {{Metadata}}JsonTypeInfo<T> ObjectInfo<T>(
                {{Json}}JsonSerializerOptions options,
                global::System.Func<T>? create,
                global::System.Func<object?[], T>? createWithArguments,
                global::System.Func<{{Json}}JsonSerializerOptions, {{Metadata}}JsonPropertyInfo[]> properties,
                global::System.Func<{{Metadata}}JsonParameterInfoValues[]>? parameters,
                global::System.Action<{{Json}}Utf8JsonWriter, T>? serialize,
                {{Serialization}}JsonNumberHandling? numberHandling = null,
                {{Serialization}}JsonUnmappedMemberHandling? unmapped = null,
                {{Serialization}}JsonObjectCreationHandling? creation = null)
                where T : notnull
            {
                var info = {{Services}}.CreateObjectInfo<T>(options, new {{Metadata}}JsonObjectInfoValues<T>
                {
                    ObjectCreator = create,
                    ObjectWithParameterizedConstructorCreator = createWithArguments,
                    PropertyMetadataInitializer = _ => properties(options),
                    ConstructorParameterMetadataInitializer = parameters,
                    SerializeHandler = serialize,
                });
                // Null defers to the options (Web: numbers may be read from strings), as reflection does; the values' default would be Strict.
                info.NumberHandling = numberHandling;
                if (unmapped is { } unmappedHandling)
                {
                    info.UnmappedMemberHandling = unmappedHandling;
                }

                if (creation is { } creationHandling)
                {
                    info.PreferredPropertyObjectCreationHandling = creationHandling;
                }

                return info;
            }
            """,
        ["Property"] = $$"""
            private static {{Metadata}}JsonPropertyInfo Property<T>(
                {{Json}}JsonSerializerOptions options,
                global::System.Type declaringType,
                string name,
                global::System.Func<object, T?>? getter,
                global::System.Action<object, T?>? setter,
                string? jsonName = null,
                bool field = false,
                bool isVirtual = false,
                bool include = false,
                bool extensionData = false,
                bool required = false,
                {{Serialization}}JsonIgnoreCondition? ignore = null,
                {{Serialization}}JsonNumberHandling? numberHandling = null,
                {{Serialization}}JsonObjectCreationHandling? creation = null,
                int order = 0,
                {{Serialization}}JsonConverter<T>? converter = null)
            {
                var info = {{Services}}.CreatePropertyInfo<T>(options, new {{Metadata}}JsonPropertyInfoValues<T>
                {
                    IsProperty = !field,
                    IsPublic = true,
                    IsVirtual = isVirtual,
                    DeclaringType = declaringType,
                    Converter = converter,
                    Getter = getter,
                    Setter = setter,
                    IgnoreCondition = ignore,
                    HasJsonInclude = include,
                    IsExtensionData = extensionData,
                    NumberHandling = numberHandling,
                    PropertyName = name,
                    JsonPropertyName = jsonName,
                });
                if (order != 0)
                {
                    info.Order = order;
                }

                if (required)
                {
                    info.IsRequired = true;
                }

                if (creation is { } creationHandling)
                {
                    info.ObjectCreationHandling = creationHandling;
                }

                return info;
            }
            """,
        ["Members"] = $$"""
            // Creates a class's member metadata with typed accessors (no cast in each one), wrapped once when the metadata is created.
            private readonly struct Members<TOwner>
            {
                private readonly {{Json}}JsonSerializerOptions _options;

                public Members({{Json}}JsonSerializerOptions options) => _options = options;

                public {{Metadata}}JsonPropertyInfo Member<T>(
                    string name,
                    global::System.Func<TOwner, T?>? getter,
                    global::System.Action<TOwner, T?>? setter,
                    global::System.Type? declaringType = null,
                    bool initOnly = false,
                    string? jsonName = null,
                    bool field = false,
                    bool isVirtual = false,
                    bool include = false,
                    bool extensionData = false,
                    bool required = false,
                    {{Serialization}}JsonIgnoreCondition? ignore = null,
                    {{Serialization}}JsonNumberHandling? numberHandling = null,
                    {{Serialization}}JsonObjectCreationHandling? creation = null,
                    int order = 0,
                    {{Serialization}}JsonConverter<T>? converter = null)
                    => Property<T>(
                        _options,
                        declaringType ?? typeof(TOwner),
                        name,
                        getter is null ? null : o => getter((TOwner)o),
                        initOnly ? InitOnly<T>(name) : setter is null ? null : (o, v) => setter((TOwner)o, v),
                        jsonName, field, isVirtual, include, extensionData, required, ignore, numberHandling, creation, order, converter);
            }
            """,
        ["InitOnly"] = """
            // Init-only members are set through the creator's object initializer; the setter exists so
            // System.Text.Json treats the member as deserializable (required members need one).
            private static global::System.Action<object, T?> InitOnly<T>(string name)
                => (_, _) => throw new global::System.InvalidOperationException(name + " is init-only; it is set when the object is created.");
            """,
        ["InaccessibleInclude"] = """
            // A [JsonInclude] accessor generated code cannot call (private, protected, or internal to another assembly):
            // using it throws, as System.Text.Json's own generator's metadata does; INNG014 names the member at compile time.
            private static global::System.InvalidOperationException InaccessibleInclude(string member, string accessor)
                => new("The member '" + member + "' has [JsonInclude], but generated code cannot call its " + accessor + " (it is not public or internal to this assembly, or there is none): make it public, bind the member to a constructor parameter, or describe the type with a JsonSerializerContext of your own in InngestClientOptions.JsonTypeInfoResolver.");
            """,
        ["Parameter"] = $$"""
            private static {{Metadata}}JsonParameterInfoValues Parameter(string name, global::System.Type type, int position, bool hasDefaultValue = false, object? defaultValue = null)
                => new {{Metadata}}JsonParameterInfoValues { Name = name, ParameterType = type, Position = position, HasDefaultValue = hasDefaultValue, DefaultValue = defaultValue };
            """,
        ["Values"] = $$"""
            private static {{Metadata}}JsonCollectionInfoValues<T> Values<T>(global::System.Func<T>? create, global::System.Action<{{Json}}Utf8JsonWriter, T>? serialize)
                => new {{Metadata}}JsonCollectionInfoValues<T> { ObjectCreator = create, SerializeHandler = serialize };
            """,
        ["Get"] = $$"""
            private JsonMetadata.JsonTypeInfo<T> Get<T>(ref JsonMetadata.JsonTypeInfo<T>? field)
                => field ??= (JsonMetadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
            """,
        ["WriteDecimal"] = $$"""
            private static void WriteDecimal({{Json}}Utf8JsonWriter writer, {{Json}}JsonEncodedText name, decimal value)
            {
                global::System.Span<byte> buffer = stackalloc byte[32];
                var start = writer.Options.Indented ? -1 : FormatDecimal(value, buffer);
                if (start < 0)
                {
                    writer.WriteNumber(name, value);
                    return;
                }

                writer.WritePropertyName(name);
                writer.WriteRawValue(buffer.Slice(start), skipInputValidation: true);
            }
            """,
        ["WriteDecimalValue"] = $$"""
            private static void WriteDecimalValue({{Json}}Utf8JsonWriter writer, decimal value)
            {
                global::System.Span<byte> buffer = stackalloc byte[32];
                var start = writer.Options.Indented ? -1 : FormatDecimal(value, buffer);
                if (start < 0)
                {
                    writer.WriteNumberValue(value);
                    return;
                }

                writer.WriteRawValue(buffer.Slice(start), skipInputValidation: true);
            }
            """,
        ["FormatDecimal"] = """
            // A decimal as the writer's own WriteNumber writes it (every digit of its scale, no exponent, no sign on a
            // zero), written right to left into the end of a 32-byte buffer from its unscaled value when that fits in
            // 64 bits, which skips the general decimal formatting (the largest cost of a money-heavy event); that stays
            // for larger values and for indented writers (a raw value is written without indentation). Returns where
            // the text starts, or -1.
            private static int FormatDecimal(decimal value, global::System.Span<byte> buffer)
            {
                global::System.Span<int> bits = stackalloc int[4];
                decimal.GetBits(value, bits);
                if (bits[2] != 0)
                {
                    return -1;
                }

                var unscaled = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
                var scale = (bits[3] >> 16) & 0xFF;
                var at = buffer.Length;
                for (var i = 0; i < scale; i++)
                {
                    var quotient = unscaled / 10;
                    buffer[--at] = (byte)('0' + (int)(unscaled - quotient * 10));
                    unscaled = quotient;
                }

                if (scale > 0)
                {
                    buffer[--at] = (byte)'.';
                }

                do
                {
                    var quotient = unscaled / 10;
                    buffer[--at] = (byte)('0' + (int)(unscaled - quotient * 10));
                    unscaled = quotient;
                }
                while (unscaled != 0);

                if (bits[3] < 0 && (bits[0] | bits[1]) != 0)
                {
                    buffer[--at] = (byte)'-';
                }

                return at;
            }
            """,
        // The generated readers' strings and booleans (ReaderEmitter; numbers, dates and GUIDs: ValueReaders): any other
        // token returns false, and the data is read with the metadata instead (which also reads quoted numbers, as the
        // Web defaults allow, or throws the usual error).
        ["ReadString"] = $$"""
            private static bool ReadString(ref {{Json}}Utf8JsonReader reader, out string? value)
            {
                value = reader.TokenType == {{Json}}JsonTokenType.String ? reader.GetString() : null;
                return reader.TokenType is {{Json}}JsonTokenType.String or {{Json}}JsonTokenType.Null;
            }
            """,
        ["ReadBoolean"] = $$"""
            private static bool ReadBoolean(ref {{Json}}Utf8JsonReader reader, out bool value)
            {
                value = reader.TokenType == {{Json}}JsonTokenType.True;
                return reader.TokenType is {{Json}}JsonTokenType.True or {{Json}}JsonTokenType.False;
            }
            """,
        ["ReadJsonElement"] = $$"""
            // A JsonElement member: the call its built-in converter makes (any token, null included, becomes an element).
            private static bool ReadJsonElement(ref {{Json}}Utf8JsonReader reader, out {{Json}}JsonElement value)
            {
                value = {{Json}}JsonElement.ParseValue(ref reader);
                return true;
            }
            """,
        ["ReadMember"] = $$"""
            // A member the reader binds, once: a repeated one (System.Text.Json keeps the last) is left to the metadata.
            private static bool ReadMember(ref {{Json}}Utf8JsonReader reader, ref ulong seen, ulong bit)
            {
                if ((seen & bit) != 0)
                {
                    return false;
                }

                seen |= bit;
                return reader.Read();
            }
            """,
        ["SkipUnknown"] = $$"""
            // A member no reader binds: skipped, as System.Text.Json skips it, unless it could be one of the object's
            // members after all (the same name ignoring case, which the Web defaults bind) or a metadata property.
            private static bool SkipUnknown(ref {{Json}}Utf8JsonReader reader, string[] known)
            {
                var name = reader.GetString()!;
                if (name.Length > 0 && name[0] == '$')
                {
                    return false;
                }

                foreach (var candidate in known)
                {
                    if (string.Equals(candidate, name, global::System.StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }

                if (!reader.Read())
                {
                    return false;
                }

                reader.Skip();
                return true;
            }
            """,
        ["CheckDepth"] = $$"""
            // The fast path enforces the depth limit the metadata path's converters enforce (every value written at
            // CurrentDepth >= MaxDepth, 64 when unset) so a cycle throws instead of overflowing the stack, with one
            // check per container: below = 1 checks the values one level down (the members or elements to come). The
            // check is inlined into every fast path; the throw stays out of line.
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void CheckDepth({{Json}}Utf8JsonWriter writer, int below = 0)
            {
                var maxDepth = Options.MaxDepth;
                if (writer.CurrentDepth + below >= (maxDepth == 0 ? 64 : maxDepth))
                {
                    ThrowTooDeep(maxDepth == 0 ? 64 : maxDepth);
                }
            }

            private static void ThrowTooDeep(int maxDepth)
                => throw new {{Json}}JsonException($"A possible object cycle was detected, or the object depth is larger than the maximum allowed depth of {maxDepth}. Break the reference cycle, flatten the data, or raise JsonSerializerOptions.MaxDepth.");
            """,
    };
}
