using System.Collections.Generic;
using System.Globalization;
using Inngest.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators;

/// <summary>Turns models into C# source text.</summary>
internal static class Emitter
{
    private const string Json = "global::System.Text.Json.";
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata.";
    private const string Services = Metadata + "JsonMetadataServices";

    private static readonly HashSet<string> ReservedMemberNames = new(System.StringComparer.Ordinal)
    {
        "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions", "Equals", "GetHashCode", "ToString",
        "GetType", "MemberwiseClone", "Finalize", "TryGetTypeInfoForRuntimeCustomConverter", "NullableMemberConverter",
        "ExpandConverter", "FastPathMaxDepth", "ThrowMaxDepthExceeded",
    };

    /// <summary>A member or type name as a C# identifier (keywords get '@').</summary>
    public static string Id(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static string XmlText(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The file for one event: the partial type's members and its send extensions.</summary>
    public static string EmitEvent(EventModel model, string? assemblyName)
    {
        var w = new SourceWriter();
        Header(w);
        w.Line("#nullable enable");
        w.Line("#pragma warning disable CS0612, CS0618 // Obsolete members are still serialized.");
        w.Line();
        var hasNamespace = model.Namespace.Length > 0;
        if (hasNamespace)
        {
            w.Open("namespace " + model.Namespace);
        }

        foreach (var container in model.ContainingTypes)
        {
            w.Open("partial " + container.Keyword + " " + Id(container.Name));
        }

        var t = model.TypeFqn;
        var iface = "global::Inngest.IInngestEventData<" + t + ">";
        var versionText = model.Version is null ? "no version" : "version <c>" + XmlText(model.Version) + "</c>";
        w.Open("partial " + model.Keyword + " " + Id(model.TypeName) + " : " + iface);
        w.Line("/// <summary>The Inngest event name sent as <c>name</c>: <c>" + XmlText(model.EventName) + "</c>.</summary>");
        w.Line("public const string EventName = " + Literal(model.EventName) + ";");
        w.Line();
        w.Line("/// <summary>The payload version sent as <c>v</c>: " + (model.Version is null ? "none, so no <c>v</c> is sent" : "<c>" + XmlText(model.Version) + "</c>") + ".</summary>");
        w.Line("public const string? EventVersion = " + Literal(model.Version) + ";");
        w.Line();
        w.Line("static string " + iface + ".EventName => EventName;");
        w.Line();
        w.Line("static string? " + iface + ".EventVersion => EventVersion;");
        w.Line();
        w.Line("static " + Metadata + "JsonTypeInfo<" + t + "> " + iface + ".JsonTypeInfo");
        w.Line("    => (" + Metadata + "JsonTypeInfo<" + t + ">)" + GeneratedNames.ContextFqn(assemblyName) + ".Default.GetTypeInfo(typeof(" + t + "))!;");
        w.Close();
        for (var i = 0; i < model.ContainingTypes.Count; i++)
        {
            w.Close();
        }

        w.Line();
        var access = model.IsPublic ? "public " : string.Empty;
        w.Line("/// <summary>Typed send methods for the Inngest events declared in this namespace.</summary>");
        w.Open(access + "static partial class " + GeneratedNames.ExtensionsClass(assemblyName));
        var cref = "<see cref=\"" + t.Replace('<', '{').Replace('>', '}') + "\"/>";
        var method = "Send" + model.MethodName + "Async";
        w.Line("/// <summary>");
        w.Line("/// Sends the Inngest event <c>" + XmlText(model.EventName) + "</c> (" + versionText + ") with a " + cref + " payload.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"client\">The Inngest client.</param>");
        w.Line("/// <param name=\"data\">The payload, sent as <c>data</c>.</param>");
        w.Line("/// <param name=\"user\">Optional user identifying data, sent as <c>user</c>.</param>");
        w.Line("/// <param name=\"id\">Optional idempotency key, sent as <c>id</c>.</param>");
        w.Line("/// <param name=\"timestamp\">Optional event time, sent as <c>ts</c>; a future time schedules the triggered runs.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the call.</param>");
        w.Line("/// <returns>The result, whose <c>Ids</c> holds the event's id.</returns>");
        w.Line(access + "static global::System.Threading.Tasks.Task<global::Inngest.InngestSendResult> " + method + "(");
        w.Line("    this global::Inngest.IInngestClient client,");
        w.Line("    " + t + " data,");
        w.Line("    global::Inngest.InngestUser? user = null,");
        w.Line("    string? id = null,");
        w.Line("    global::System.DateTimeOffset? timestamp = null,");
        w.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("    => global::Inngest.InngestClientExtensions.SendAsync<" + t + ">(client, data, user, id, timestamp, null, cancellationToken);");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Sends one Inngest event <c>" + XmlText(model.EventName) + "</c> (" + versionText + ") per " + cref + " payload, as one batch in order.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"client\">The Inngest client.</param>");
        w.Line("/// <param name=\"data\">The payloads; each becomes one event.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the call.</param>");
        w.Line("/// <returns>The result, with one id per payload in input order.</returns>");
        w.Line(access + "static global::System.Threading.Tasks.Task<global::Inngest.InngestSendResult> " + method + "(");
        w.Line("    this global::Inngest.IInngestClient client,");
        w.Line("    global::System.Collections.Generic.IEnumerable<" + t + "> data,");
        w.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("    => global::Inngest.InngestClientExtensions.SendAsync<" + t + ">(client, data, null, cancellationToken);");
        w.Close();
        if (hasNamespace)
        {
            w.Close();
        }

        return w.ToString();
    }

    /// <summary>The one JSON context of the assembly, describing every type all events reach.</summary>
    public static string EmitContext(IEnumerable<EventModel> events, string? assemblyName)
    {
        var shapes = new SortedDictionary<string, TypeShape>(System.StringComparer.Ordinal);
        foreach (var model in events)
        {
            foreach (var shape in model.Shapes)
            {
                if (!shapes.ContainsKey(shape.Fqn))
                {
                    shapes.Add(shape.Fqn, shape);
                }
            }
        }

        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var used = new HashSet<string>(ReservedMemberNames, System.StringComparer.Ordinal);
        foreach (var shape in shapes.Values)
        {
            var baseName = shape.DisplayName.Length == 0 || shape.DisplayName[0] == '_' ? "T" + shape.DisplayName : shape.DisplayName;
            var name = baseName;
            for (var i = 2; !used.Add(name); i++)
            {
                name = baseName + i.ToString(CultureInfo.InvariantCulture);
            }

            names[shape.Fqn] = name;
        }

        var fast = new FastPaths(shapes, names);
        var ctx = GeneratedNames.ContextClass(assemblyName);
        var w = new SourceWriter();
        Header(w);
        w.Line("#nullable enable");
        w.Line("#pragma warning disable CS0612, CS0618 // Obsolete members are still serialized.");
        w.Line("#pragma warning disable CS8620 // One fast-path method serves a type whatever its elements' nullable annotations.");
        w.Line();
        w.Open("namespace " + GeneratedNames.ContextNamespace);
        w.Line("/// <summary>");
        w.Line("/// The JSON metadata of every Inngest event payload in this assembly and the types they reach,");
        w.Line("/// built on JsonMetadataServices (no reflection), with System.Text.Json's Web defaults.");
        w.Line("/// </summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Inngest.Generators\", \"0.1.0\")]");
        w.Open("internal sealed partial class " + ctx + " : " + Json + "Serialization.JsonSerializerContext, " + Metadata + "IJsonTypeInfoResolver");
        w.Line("private static readonly " + Json + "JsonSerializerOptions s_defaultOptions = new " + Json + "JsonSerializerOptions(" + Json + "JsonSerializerDefaults.Web);");
        w.Line();
        w.Line("/// <summary>The context over a copy of the default options.</summary>");
        w.Line("public static " + ctx + " Default { get; } = new " + ctx + "(new " + Json + "JsonSerializerOptions(s_defaultOptions));");
        w.Line();
        w.Line("/// <summary>Creates the context over a copy of the default (Web) options.</summary>");
        w.Line("public " + ctx + "()");
        w.Line("    : base(new " + Json + "JsonSerializerOptions(s_defaultOptions))");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <summary>Creates the context over the given options, which it binds to itself.</summary>");
        w.Line("public " + ctx + "(" + Json + "JsonSerializerOptions options)");
        w.Line("    : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("protected override " + Json + "JsonSerializerOptions? GeneratedSerializerOptions { get; } = s_defaultOptions;");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open("public override " + Metadata + "JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out " + Metadata + "JsonTypeInfo? typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.Line("// Re-implemented so the context can build metadata for options other than its own (for example a");
        w.Line("// copy whose resolver chain adds the user's resolver); the base implementation only accepts its own.");
        w.Open(Metadata + "JsonTypeInfo? " + Metadata + "IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, " + Json + "JsonSerializerOptions options)");
        foreach (var shape in shapes.Values)
        {
            w.Open("if (type == typeof(" + shape.Fqn + "))");
            w.Line("return Create_" + names[shape.Fqn] + "(options);");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        foreach (var shape in shapes.Values)
        {
            w.Line();
            EmitShape(w, shape, names, fast);
        }

        w.Line();
        EmitHelpers(w);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void Header(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by Inngest.Generators. Do not edit.");
    }

    private static void EmitShape(SourceWriter w, TypeShape shape, Dictionary<string, string> names, FastPaths fast)
    {
        var name = names[shape.Fqn];
        var t = shape.Fqn;
        var info = Metadata + "JsonTypeInfo<" + t + ">";
        w.Line("private " + info + "? _" + name + ";");
        w.Line();
        w.Line("/// <summary>The metadata of <c>" + XmlText(t.Replace("global::", string.Empty)) + "</c> for this context's options.</summary>");
        w.Line("public " + info + " " + name + " => _" + name + " ??= (" + info + ")Options.GetTypeInfo(typeof(" + t + "));");
        w.Line();
        w.Open("private " + info + " Create_" + name + "(" + Json + "JsonSerializerOptions options)");
        w.Open("if (!TryGetTypeInfoForRuntimeCustomConverter<" + t + ">(options, out " + info + " jsonTypeInfo))");
        if (shape.CustomConverter is { } converter)
        {
            w.Line("jsonTypeInfo = " + Services + ".CreateValueInfo<" + t + ">(options, ExpandConverter(typeof(" + t + "), " + converter + ", options));");
        }
        else
        {
            EmitCreate(w, shape, name, fast.HasHandler(shape.Fqn));
        }

        w.Close();
        w.Line();
        w.Line("jsonTypeInfo.OriginatingResolver = this;");
        w.Line("return jsonTypeInfo;");
        w.Close();
        if (shape.Object is { } obj && shape.CustomConverter is null)
        {
            EmitObjectParts(w, shape, obj, name, names, fast);
        }
        else if (shape.Object is null && fast.HasHandler(shape.Fqn))
        {
            EmitCollectionHandler(w, shape, name, fast);
        }
    }

    private static void EmitCreate(SourceWriter w, TypeShape shape, string name, bool hasHandler)
    {
        var t = shape.Fqn;
        var e = shape.ElementFqn;
        string Collection(string method, string typeArgs, string? creator, string extra = "")
            => Services + "." + method + "<" + typeArgs + ">(options, new " + Metadata + "JsonCollectionInfoValues<" + (method == "CreateArrayInfo" ? e + "[]" : t) + ">"
                + " { ObjectCreator = " + (creator ?? "null") + ", SerializeHandler = " + (hasHandler ? "Serialize_" + name : "null") + " }" + extra + ");";
        switch (shape.Kind)
        {
            case ShapeKind.Value:
                w.Line("jsonTypeInfo = " + Services + ".CreateValueInfo<" + t + ">(options, " + Services + "." + shape.ValueConverter + ");");
                break;
            case ShapeKind.Enum:
                w.Line("jsonTypeInfo = " + Services + ".CreateValueInfo<" + t + ">(options, " + Services + ".GetEnumConverter<" + t + ">(options));");
                break;
            case ShapeKind.Nullable:
                w.Line("jsonTypeInfo = " + Services + ".CreateValueInfo<" + t + ">(options, " + Services + ".GetNullableConverter<" + e + ">(options));");
                break;
            case ShapeKind.Array:
                w.Line("jsonTypeInfo = " + Collection("CreateArrayInfo", e!, null));
                break;
            case ShapeKind.List:
                w.Line("jsonTypeInfo = " + Collection("CreateListInfo", t + ", " + e, "static () => new " + t + "()"));
                break;
            case ShapeKind.IList:
                w.Line("jsonTypeInfo = " + Collection("CreateIListInfo", t + ", " + e, null));
                break;
            case ShapeKind.ICollection:
                w.Line("jsonTypeInfo = " + Collection("CreateICollectionInfo", t + ", " + e, null));
                break;
            case ShapeKind.IReadOnlyList:
            case ShapeKind.IEnumerable:
                w.Line("jsonTypeInfo = " + Collection("CreateIEnumerableInfo", t + ", " + e, null));
                break;
            case ShapeKind.HashSet:
                w.Line("jsonTypeInfo = " + Collection("CreateISetInfo", t + ", " + e, "static () => new " + t + "()"));
                break;
            case ShapeKind.ImmutableArray:
                w.Line("jsonTypeInfo = " + Collection("CreateImmutableEnumerableInfo", t + ", " + e, null, ", global::System.Collections.Immutable.ImmutableArray.CreateRange<" + e + ">"));
                break;
            case ShapeKind.Dictionary:
                w.Line("jsonTypeInfo = " + Collection("CreateDictionaryInfo", t + ", string, " + e, "static () => new " + t + "()"));
                break;
            case ShapeKind.IDictionary:
                w.Line("jsonTypeInfo = " + Collection("CreateIDictionaryInfo", t + ", string, " + e, null));
                break;
            case ShapeKind.IReadOnlyDictionary:
                w.Line("jsonTypeInfo = " + Collection("CreateIReadOnlyDictionaryInfo", t + ", string, " + e, null));
                break;
            case ShapeKind.Object:
                var obj = shape.Object!;
                w.Line("var objectInfo = new " + Metadata + "JsonObjectInfoValues<" + t + ">");
                w.Line("{");
                w.Line("    ObjectCreator = " + (obj.Creation == CreationKind.Parameterless ? "static () => new " + t + "()" : "null") + ",");
                w.Line("    ObjectWithParameterizedConstructorCreator = " + (obj.Creation == CreationKind.Parameterized ? "static args => " + NewWithArgs(t, obj) : "null") + ",");
                w.Line("    PropertyMetadataInitializer = _ => PropertyInit_" + name + "(options),");
                w.Line("    ConstructorParameterMetadataInitializer = " + (obj.Creation == CreationKind.Parameterized ? "CtorParamInit_" + name : "null") + ",");
                w.Line("    SerializeHandler = " + (obj.FastPath ? "Serialize_" + name : "null") + ",");
                w.Line("};");
                w.Line("jsonTypeInfo = " + Services + ".CreateObjectInfo<" + t + ">(options, objectInfo);");
                w.Line("// Null defers to the options (Web: numbers may be read from strings), as reflection does.");
                w.Line("jsonTypeInfo.NumberHandling = " + NumberHandling(obj.NumberHandling) + ";");
                break;
        }
    }

    private static string NewWithArgs(string t, ObjectShape obj)
    {
        var ctorArgs = new List<string>();
        var inits = new List<string>();
        for (var i = 0; i < obj.Parameters.Count; i++)
        {
            var p = obj.Parameters[i];
            var arg = "(" + p.TypeFqn + ")args[" + i.ToString(CultureInfo.InvariantCulture) + "]!";
            if (i < obj.ConstructorParameterCount)
            {
                ctorArgs.Add(arg);
            }
            else
            {
                inits.Add(Id(p.Name) + " = " + arg);
            }
        }

        var text = "new " + t + "(" + string.Join(", ", ctorArgs) + ")";
        return inits.Count == 0 ? text : text + " { " + string.Join(", ", inits) + " }";
    }

    private static string NumberHandling(int? value)
        => value is { } v ? "(global::System.Text.Json.Serialization.JsonNumberHandling)" + v.ToString(CultureInfo.InvariantCulture) : "null";

    private static void EmitObjectParts(SourceWriter w, TypeShape shape, ObjectShape obj, string name, Dictionary<string, string> names, FastPaths fast)
    {
        var t = shape.Fqn;
        w.Line();
        w.Open("private static " + Metadata + "JsonPropertyInfo[] PropertyInit_" + name + "(" + Json + "JsonSerializerOptions options)");
        w.Line("var properties = new " + Metadata + "JsonPropertyInfo[" + obj.Members.Count.ToString(CultureInfo.InvariantCulture) + "];");
        for (var i = 0; i < obj.Members.Count; i++)
        {
            var m = obj.Members[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            var owner = shape.IsValueType ? "global::System.Runtime.CompilerServices.Unsafe.Unbox<" + t + ">(obj)" : "((" + t + ")obj)";
            string converter;
            if (m.Converter is null)
            {
                converter = "null";
            }
            else if (m.ConverterUnderlyingFqn is { } underlying)
            {
                converter = "NullableMemberConverter<" + underlying + ">(" + m.Converter + ", options)";
            }
            else
            {
                converter = "(" + Json + "Serialization.JsonConverter<" + m.TypeFqn + ">)ExpandConverter(typeof(" + m.TypeFqn + "), " + m.Converter + ", options)";
            }

            w.Line();
            w.Line("var info" + index + " = new " + Metadata + "JsonPropertyInfoValues<" + m.TypeFqn + ">");
            w.Line("{");
            w.Line("    IsProperty = " + Bool(m.IsProperty) + ",");
            w.Line("    IsPublic = " + Bool(m.IsPublic) + ",");
            w.Line("    IsVirtual = " + Bool(m.IsVirtual) + ",");
            w.Line("    DeclaringType = typeof(" + m.DeclaringTypeFqn + "),");
            w.Line("    Converter = " + converter + ",");
            w.Line("    Getter = static obj => ((" + t + ")obj)." + Id(m.ClrName) + "!,");
            var setter = m.Setter switch
            {
                SetterKind.Setter => "static (obj, value) => " + owner + "." + Id(m.ClrName) + " = value!",
                // Init-only members are set through the creator's object initializer; the setter exists so
                // System.Text.Json treats the member as deserializable (required members need one).
                SetterKind.Init => "static (obj, value) => throw new global::System.InvalidOperationException(\"" + m.ClrName + " is init-only; it is set when the object is created.\")",
                _ => "null",
            };
            w.Line("    Setter = " + setter + ",");
            w.Line("    IgnoreCondition = " + (m.IgnoreCondition is { } ignore ? "(global::System.Text.Json.Serialization.JsonIgnoreCondition)" + ignore.ToString(CultureInfo.InvariantCulture) : "null") + ",");
            w.Line("    HasJsonInclude = " + Bool(m.HasJsonInclude) + ",");
            w.Line("    IsExtensionData = " + Bool(m.IsExtensionData) + ",");
            w.Line("    NumberHandling = " + NumberHandling(m.NumberHandling) + ",");
            w.Line("    PropertyName = " + Literal(m.ClrName) + ",");
            w.Line("    JsonPropertyName = " + Literal(m.JsonPropertyName) + ",");
            w.Line("};");
            w.Line("properties[" + index + "] = " + Services + ".CreatePropertyInfo<" + m.TypeFqn + ">(options, info" + index + ");");
            if (m.Order != 0)
            {
                w.Line("properties[" + index + "].Order = " + m.Order.ToString(CultureInfo.InvariantCulture) + ";");
            }

            if (m.IsRequired)
            {
                w.Line("properties[" + index + "].IsRequired = true;");
            }
        }

        w.Line();
        w.Line("return properties;");
        w.Close();

        if (obj.Creation == CreationKind.Parameterized)
        {
            w.Line();
            w.Open("private static " + Metadata + "JsonParameterInfoValues[] CtorParamInit_" + name + "()");
            w.Line("return new " + Metadata + "JsonParameterInfoValues[]");
            w.Line("{");
            for (var i = 0; i < obj.Parameters.Count; i++)
            {
                var p = obj.Parameters[i];
                w.Line("    new " + Metadata + "JsonParameterInfoValues");
                w.Line("    {");
                w.Line("        Name = " + Literal(p.Name) + ",");
                w.Line("        ParameterType = typeof(" + p.TypeFqn + "),");
                w.Line("        Position = " + i.ToString(CultureInfo.InvariantCulture) + ",");
                w.Line("        HasDefaultValue = " + Bool(p.HasDefaultValue) + ",");
                w.Line("        DefaultValue = " + (p.HasDefaultValue ? p.DefaultValue : "null") + ",");
                w.Line("    },");
            }

            w.Line("};");
            w.Close();
        }

        if (!obj.FastPath)
        {
            return;
        }

        w.Line();
        for (var i = 0; i < obj.Members.Count; i++)
        {
            w.Line("private static readonly " + Json + "JsonEncodedText PropName_" + name + "_" + i.ToString(CultureInfo.InvariantCulture)
                + " = " + Json + "JsonEncodedText.Encode(" + Literal(obj.Members[i].WireName) + ");");
        }

        w.Line();
        w.Line("// The fast path: writes the object directly. System.Text.Json runs it only when the options in");
        w.Line("// use match this context's generated options; otherwise the metadata above is used.");
        w.Open("private void Serialize_" + name + "(" + Json + "Utf8JsonWriter writer, " + t + (shape.IsValueType ? string.Empty : "?") + " value)");
        if (!shape.IsValueType)
        {
            EmitNullGuard(w);
            w.Line();
        }

        EmitDepthGuard(w);
        w.Line();
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < obj.Members.Count; i++)
        {
            var m = obj.Members[i];
            var encoded = "PropName_" + name + "_" + i.ToString(CultureInfo.InvariantCulture);
            var access = "value." + Id(m.ClrName);
            string? condition = null;
            if (m.IgnoreCondition == 3 && (!m.TypeIsValueType || m.TypeIsNullableValueType))
            {
                condition = access + " is not null";
            }
            else if (m.IgnoreCondition == 2)
            {
                condition = m.TypeIsValueType && !m.TypeIsNullableValueType
                    ? "!global::System.Collections.Generic.EqualityComparer<" + m.TypeFqn + ">.Default.Equals(" + access + ", default)"
                    : access + " is not null";
            }

            if (condition is not null)
            {
                w.Open("if (" + condition + ")");
            }

            switch (m.FastWrite)
            {
                case FastWriteKind.Boolean:
                    w.Line("writer.WriteBoolean(" + encoded + ", " + access + ");");
                    break;
                case FastWriteKind.Number:
                    w.Line("writer.WriteNumber(" + encoded + ", " + access + ");");
                    break;
                case FastWriteKind.NumberAsInt:
                    w.Line("writer.WriteNumber(" + encoded + ", (int)" + access + ");");
                    break;
                case FastWriteKind.NumberAsUInt:
                    w.Line("writer.WriteNumber(" + encoded + ", (uint)" + access + ");");
                    break;
                case FastWriteKind.String:
                    w.Line("writer.WriteString(" + encoded + ", " + access + ");");
                    break;
                default:
                    if (fast.HasHandler(m.TypeFqn))
                    {
                        // The member's type has its own fast path: call it directly.
                        w.Line("writer.WritePropertyName(" + encoded + ");");
                        w.Line(fast.HandlerName(m.TypeFqn) + "(writer, " + access + ");");
                    }
                    else if (fast.IsEnum(m.TypeFqn) && fast.WriteValue(m.TypeFqn, access) is { } writeEnum)
                    {
                        w.Line("writer.WritePropertyName(" + encoded + ");");
                        w.Line(writeEnum);
                    }
                    else if (fast.NullableUnderlying(m.TypeFqn) is { } underlying)
                    {
                        var local = "m" + i.ToString(CultureInfo.InvariantCulture);
                        w.Line("var " + local + " = " + access + ";");
                        w.Open("if (" + local + ".HasValue)");
                        w.Line("writer.WritePropertyName(" + encoded + ");");
                        w.Line(fast.WriteValue(underlying, local + ".GetValueOrDefault()")!);
                        w.Close();
                        w.Open("else");
                        w.Line("writer.WriteNull(" + encoded + ");");
                        w.Close();
                    }
                    else
                    {
                        w.Line("writer.WritePropertyName(" + encoded + ");");
                        w.Line(Json + "JsonSerializer.Serialize<" + m.TypeFqn + ">(writer, " + access + "!, " + names[m.TypeFqn] + ");");
                    }

                    break;
            }

            if (condition is not null)
            {
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>The fast path of a list, array, set or string-keyed dictionary whose values all have one.</summary>
    private static void EmitCollectionHandler(SourceWriter w, TypeShape shape, string name, FastPaths fast)
    {
        var t = shape.Kind == ShapeKind.Array ? shape.ElementFqn + "[]" : shape.Fqn;
        var e = shape.ElementFqn!;
        var isDictionary = shape.Kind is ShapeKind.Dictionary or ShapeKind.IDictionary or ShapeKind.IReadOnlyDictionary;
        w.Line();
        w.Line("// The fast path: writes the " + (isDictionary ? "entries" : "elements") + " in the order System.Text.Json's converter does.");
        w.Open("private void Serialize_" + name + "(" + Json + "Utf8JsonWriter writer, " + t + (shape.IsValueType ? string.Empty : "?") + " value)");
        if (shape.IsValueType)
        {
            w.Open("if (value.IsDefault)");
            w.Line("throw new global::System.InvalidOperationException(\"A default (uninitialized) ImmutableArray<" + e.Replace("global::", string.Empty) + "> cannot be serialized: assign an array, for example ImmutableArray<T>.Empty.\");");
            w.Close();
        }
        else
        {
            EmitNullGuard(w);
        }

        w.Line();
        EmitDepthGuard(w);
        w.Line();
        w.Line(isDictionary ? "writer.WriteStartObject();" : "writer.WriteStartArray();");
        switch (shape.Kind)
        {
            case ShapeKind.Array:
                w.Open("for (var i = 0; i < value.Length; i++)");
                w.Line(fast.WriteValue(e, "value[i]")!);
                break;
            case ShapeKind.List:
                w.Open("for (var i = 0; i < value.Count; i++)");
                w.Line(fast.WriteValue(e, "value[i]")!);
                break;
            case ShapeKind.Dictionary:
            case ShapeKind.IDictionary:
            case ShapeKind.IReadOnlyDictionary:
                w.Open("foreach (var entry in value)");
                w.Line("writer.WritePropertyName(entry.Key);");
                w.Line(fast.WriteValue(e, "entry.Value")!);
                break;
            default:
                w.Open("foreach (var item in value)");
                w.Line(fast.WriteValue(e, "item")!);
                break;
        }

        w.Close();
        w.Line(isDictionary ? "writer.WriteEndObject();" : "writer.WriteEndArray();");
        w.Close();
    }

    private static void EmitHelpers(SourceWriter w)
    {
        w.Line("// The depth limit of the options (MaxDepth, 64 when unset); the fast path enforces it like the metadata path.");
        w.Line("private int FastPathMaxDepth => Options.MaxDepth == 0 ? 64 : Options.MaxDepth;");
        w.Line();
        w.Open("private void ThrowMaxDepthExceeded()");
        w.Line("throw new " + Json + "JsonException($\"A possible object cycle was detected, or the object depth is larger than the maximum allowed depth of {FastPathMaxDepth}. Break the reference cycle, flatten the data, or raise JsonSerializerOptions.MaxDepth.\");");
        w.Close();
        w.Line();
        const string Converter = Json + "Serialization.JsonConverter";
        w.Line("// Converters registered on the options win over generated metadata, as with reflection.");
        w.Open("private static bool TryGetTypeInfoForRuntimeCustomConverter<T>(" + Json + "JsonSerializerOptions options, out " + Metadata + "JsonTypeInfo<T> jsonTypeInfo)");
        w.Open("for (var i = 0; i < options.Converters.Count; i++)");
        w.Line("var converter = options.Converters[i];");
        w.Open("if (converter is not null && converter.CanConvert(typeof(T)))");
        w.Line("jsonTypeInfo = " + Services + ".CreateValueInfo<T>(options, ExpandConverter(typeof(T), converter, options));");
        w.Line("return true;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("jsonTypeInfo = null!;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("// A [JsonConverter] on a Nullable<T> member: used as is when it converts T?, else wrapped around T.");
        w.Line("private static " + Converter + "<T?> NullableMemberConverter<T>(" + Converter + " converter, " + Json + "JsonSerializerOptions options)");
        w.Open("    where T : struct");
        w.Open("if (converter.CanConvert(typeof(T?)))");
        w.Line("return (" + Converter + "<T?>)ExpandConverter(typeof(T?), converter, options);");
        w.Close();
        w.Line();
        w.Line("return " + Services + ".GetNullableConverter<T>(" + Services + ".CreateValueInfo<T>(options, ExpandConverter(typeof(T), converter, options)));");
        w.Close();
        w.Line();
        w.Open("private static " + Converter + " ExpandConverter(global::System.Type type, " + Converter + " converter, " + Json + "JsonSerializerOptions options)");
        w.Open("if (!converter.CanConvert(type))");
        w.Line("throw new global::System.InvalidOperationException($\"The converter '{converter.GetType()}' cannot convert '{type}': fix the [JsonConverter] attribute so it names a converter for that type.\");");
        w.Close();
        w.Line();
        w.Open("if (converter is " + Json + "Serialization.JsonConverterFactory factory)");
        w.Line("converter = factory.CreateConverter(type, options)");
        w.Line("    ?? throw new global::System.InvalidOperationException($\"The converter factory '{factory.GetType()}' returned no converter for '{type}'.\");");
        w.Close();
        w.Line();
        w.Line("return converter;");
        w.Close();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>
    /// Which types get a generated fast path (a <c>Serialize_X</c> method), and how the fast path
    /// writes one value of a type: with the writer's own method when System.Text.Json's built-in
    /// converter writes exactly that, by calling the type's fast path, or not at all (null).
    /// </summary>
    private sealed class FastPaths
    {
        private readonly IDictionary<string, TypeShape> _shapes;
        private readonly Dictionary<string, string> _names;
        private readonly Dictionary<string, bool> _hasHandler = new(System.StringComparer.Ordinal);

        public FastPaths(IDictionary<string, TypeShape> shapes, Dictionary<string, string> names)
        {
            _shapes = shapes;
            _names = names;
        }

        public string HandlerName(string fqn) => "Serialize_" + _names[fqn];

        /// <summary>
        /// Objects whose fast path the parser allowed, and collections and dictionaries whose
        /// values can be written directly (collections nest only through their element types, so
        /// the recursion ends).
        /// </summary>
        public bool HasHandler(string fqn)
        {
            if (_hasHandler.TryGetValue(fqn, out var known))
            {
                return known;
            }

            var result = false;
            if (_shapes.TryGetValue(fqn, out var shape) && shape.CustomConverter is null)
            {
                result = shape.Kind switch
                {
                    ShapeKind.Object => shape.Object is { FastPath: true },
                    ShapeKind.Array or ShapeKind.List or ShapeKind.IList or ShapeKind.ICollection or ShapeKind.IReadOnlyList
                        or ShapeKind.IEnumerable or ShapeKind.HashSet or ShapeKind.ImmutableArray
                        or ShapeKind.Dictionary or ShapeKind.IDictionary or ShapeKind.IReadOnlyDictionary
                        => shape.ElementFqn is { } element && WriteValue(element, "x") is not null,
                    _ => false,
                };
            }

            _hasHandler[fqn] = result;
            return result;
        }

        public bool IsEnum(string fqn) => _shapes.TryGetValue(fqn, out var shape) && shape.Kind == ShapeKind.Enum;

        /// <summary>The underlying type of a Nullable&lt;T&gt; whose value can be written directly, or null.</summary>
        public string? NullableUnderlying(string fqn)
            => _shapes.TryGetValue(fqn, out var shape) && shape.Kind == ShapeKind.Nullable && shape.CustomConverter is null
                && shape.ElementFqn is { } underlying && WriteValue(underlying, "x") is not null
                ? underlying
                : null;

        /// <summary>A statement writing <paramref name="expr"/> (a local or element access) as one JSON value, or null.</summary>
        public string? WriteValue(string fqn, string expr)
        {
            if (!_shapes.TryGetValue(fqn, out var shape) || shape.CustomConverter is not null)
            {
                return null;
            }

            switch (shape.Kind)
            {
                case ShapeKind.Value:
                    // The same writer calls the built-in converters make.
                    return shape.ValueConverter switch
                    {
                        "BooleanConverter" => "writer.WriteBooleanValue(" + expr + ");",
                        "Int32Converter" or "UInt32Converter" or "Int64Converter" or "UInt64Converter"
                            or "SingleConverter" or "DoubleConverter" or "DecimalConverter" => "writer.WriteNumberValue(" + expr + ");",
                        "SByteConverter" or "Int16Converter" => "writer.WriteNumberValue((int)" + expr + ");",
                        "ByteConverter" or "UInt16Converter" => "writer.WriteNumberValue((uint)" + expr + ");",
                        "StringConverter" or "DateTimeConverter" or "DateTimeOffsetConverter" or "GuidConverter" => "writer.WriteStringValue(" + expr + ");",
                        _ => null,
                    };
                case ShapeKind.Enum:
                    // System.Text.Json's enum converter (no string converter) writes the underlying number.
                    return shape.ValueConverter is { } number ? "writer.WriteNumberValue((" + number + ")" + expr + ");" : null;
                case ShapeKind.Nullable:
                    if (NullableUnderlying(fqn) is { } underlying)
                    {
                        return "if (" + expr + ".HasValue) { " + WriteValue(underlying, expr + ".GetValueOrDefault()") + " } else { writer.WriteNullValue(); }";
                    }

                    return null;
                default:
                    return HasHandler(fqn) ? HandlerName(fqn) + "(writer, " + expr + ");" : null;
            }
        }
    }

    /// <summary>A fast-path method writes <c>null</c> for a null reference and returns.</summary>
    private static void EmitNullGuard(SourceWriter w)
    {
        w.Open("if (value is null)");
        w.Line("writer.WriteNullValue();");
        w.Line("return;");
        w.Close();
    }

    /// <summary>
    /// The limit the metadata path enforces for every value it writes: a cycle throws instead of
    /// recursing until the stack overflows.
    /// </summary>
    private static void EmitDepthGuard(SourceWriter w)
    {
        w.Open("if (writer.CurrentDepth >= FastPathMaxDepth)");
        w.Line("ThrowMaxDepthExceeded();");
        w.Close();
    }
}
