using System.Collections.Generic;
using System.Globalization;
using Inngest.Generators.Model;
using static Inngest.Generators.Emitting.ContextHelpers;
using static Inngest.Generators.Emitting.CSharp;

namespace Inngest.Generators.Emitting;

/// <summary>Emits one type's metadata: its JsonTypeInfo property and Create_X, built on JsonMetadataServices (the .NET 8 surface only).</summary>
internal static class TypeInfoEmitter
{
    public static void Emit(SourceWriter w, TypeShape shape, ContextNames names, ContextHelpers helpers)
    {
        var name = names.Property(shape.Fqn);
        var t = shape.Fqn;
        var info = Metadata + "JsonTypeInfo<" + t + ">";
        w.Line();
        w.Line("private " + info + " Create_" + name + "(" + Json + "JsonSerializerOptions options)");
        w.Line("    => " + helpers.Use("Finish") + "(options, " + (shape.Kind == TypeShapeKind.Object || shape.HasFastPath ? string.Empty : "static ") + "options => " + CreateExpression(shape, name, names, helpers) + ");");
        if (shape.Object is { } obj)
        {
            EmitProperties(w, shape, obj, name, helpers);
            if (obj.Creation == CreationKind.Parameterized)
            {
                EmitParameters(w, obj, name, helpers);
            }
        }
    }

    /// <summary>The cached metadata of a type for this context's options, for the fast paths that write through it.</summary>
    public static void EmitTypeInfoProperty(SourceWriter w, string fqn, string name, ContextHelpers helpers)
    {
        var info = Metadata + "JsonTypeInfo<" + fqn + ">";
        w.Line();
        w.Line("private " + info + " " + name + " => " + helpers.Use("Get") + "(ref _" + name + ");");
        w.Line("private " + info + "? _" + name + ";");
    }

    private static string CreateExpression(TypeShape shape, string name, ContextNames names, ContextHelpers helpers)
    {
        var t = shape.Fqn;
        var e = shape.ElementFqn;
        switch (shape.Kind)
        {
            case TypeShapeKind.Value:
                return Services + ".CreateValueInfo<" + t + ">(options, " + Services + "." + shape.ValueConverter + ")";
            case TypeShapeKind.Enum:
                return Services + ".CreateValueInfo<" + t + ">(options, " + Services + ".GetEnumConverter<" + t + ">(options))";
            case TypeShapeKind.Nullable:
                return Services + ".CreateValueInfo<" + t + ">(options, " + Services + ".GetNullableConverter<" + e + ">(options))";
            case TypeShapeKind.CustomConverter:
                return Services + ".CreateValueInfo<" + t + ">(options, " + helpers.Use("ExpandConverter") + "(typeof(" + t + "), " + shape.CustomConverter + ", options))";
            case TypeShapeKind.Collection:
            case TypeShapeKind.Dictionary:
                return CollectionExpression(shape, names, helpers);
            default:
                return ObjectExpression(shape, shape.Object!, name, names, helpers);
        }
    }

    private static string CollectionExpression(TypeShape shape, ContextNames names, ContextHelpers helpers)
    {
        var t = shape.Fqn;
        var e = shape.ElementFqn!;
        var k = shape.KeyFqn;
        var (method, typeArguments, valuesType) = shape.Collection switch
        {
            CollectionKind.Array => ("CreateArrayInfo", e, e + "[]"),
            CollectionKind.Memory => ("CreateMemoryInfo", e, t),
            CollectionKind.ReadOnlyMemory => ("CreateReadOnlyMemoryInfo", e, t),
            CollectionKind.List => ("CreateListInfo", t + ", " + e, t),
            CollectionKind.IList => ("CreateIListInfo", t + ", " + e, t),
            CollectionKind.ISet => ("CreateISetInfo", t + ", " + e, t),
            CollectionKind.ICollection => ("CreateICollectionInfo", t + ", " + e, t),
            CollectionKind.Stack => ("CreateStackInfo", t + ", " + e, t),
            CollectionKind.Queue => ("CreateQueueInfo", t + ", " + e, t),
            CollectionKind.ConcurrentStack => ("CreateConcurrentStackInfo", t + ", " + e, t),
            CollectionKind.ConcurrentQueue => ("CreateConcurrentQueueInfo", t + ", " + e, t),
            CollectionKind.IEnumerable => ("CreateIEnumerableInfo", t + ", " + e, t),
            CollectionKind.ImmutableEnumerable => ("CreateImmutableEnumerableInfo", t + ", " + e, t),
            CollectionKind.Dictionary => ("CreateDictionaryInfo", t + ", " + k + ", " + e, t),
            CollectionKind.IDictionary => ("CreateIDictionaryInfo", t + ", " + k + ", " + e, t),
            CollectionKind.IReadOnlyDictionary => ("CreateIReadOnlyDictionaryInfo", t + ", " + k + ", " + e, t),
            _ => ("CreateImmutableDictionaryInfo", t + ", " + k + ", " + e, t),
        };

        var creates = shape.HasParameterlessConstructor && shape.Collection is not (CollectionKind.Array or CollectionKind.Memory or CollectionKind.ReadOnlyMemory
            or CollectionKind.ImmutableEnumerable or CollectionKind.ImmutableDictionary) && !shape.IsValueType;
        var values = helpers.Use("Values") + "<" + valuesType + ">(" + (creates ? "static () => new " + t + "()" : "null")
            + ", " + (shape.HasFastPath ? names.FastPath(shape.Fqn) : "null") + ")";
        var extra = shape.Collection switch
        {
            CollectionKind.ImmutableEnumerable => ", static items => " + shape.CreateRangeMethod + "<" + e + ">(items)",
            CollectionKind.ImmutableDictionary => ", static entries => " + shape.CreateRangeMethod + "<" + k + ", " + e + ">(entries)",
            _ => string.Empty,
        };
        return Services + "." + method + "<" + typeArguments + ">(options, " + values + extra + ")";
    }

    private static string ObjectExpression(TypeShape shape, ObjectShape obj, string name, ContextNames names, ContextHelpers helpers)
    {
        var t = shape.Fqn;
        var arguments = new List<string>
        {
            obj.Creation == CreationKind.Parameterless ? "static () => new " + t + "()" : "null",
            obj.Creation == CreationKind.Parameterized ? "static args => " + NewWithArguments(t, obj) : "null",
            "Properties_" + name,
            obj.Creation == CreationKind.Parameterized ? "Parameters_" + name : "null",
            shape.HasFastPath ? names.FastPath(shape.Fqn) : "null",
        };
        var extra = string.Empty;
        if (obj.NumberHandling is { } numberHandling)
        {
            extra += ", numberHandling: " + NumberHandlingValue(numberHandling);
        }

        if (obj.UnmappedMemberHandling is { } unmapped)
        {
            extra += ", unmapped: " + EnumValue(Serialization + "JsonUnmappedMemberHandling", unmapped);
        }

        if (obj.ObjectCreationHandling is { } creation)
        {
            extra += ", creation: " + EnumValue(Serialization + "JsonObjectCreationHandling", creation);
        }

        return helpers.Use("ObjectInfo") + "<" + t + ">(options, " + string.Join(", ", arguments) + extra + ")";
    }

    private static string NewWithArguments(string t, ObjectShape obj)
        => Creation(t, obj, i => "(" + obj.Parameters[i].TypeFqn + ")args[" + i.ToString(CultureInfo.InvariantCulture) + "]!");

    /// <summary>
    /// The creator's expression for a parameterized object: its constructor parameters as arguments and its init or
    /// required members in the object initializer, parameter <c>i</c>'s value given by <paramref name="argument"/>.
    /// </summary>
    internal static string Creation(string t, ObjectShape obj, System.Func<int, string> argument)
    {
        var arguments = new List<string>();
        var initializers = new List<string>();
        for (var i = 0; i < obj.Parameters.Count; i++)
        {
            var p = obj.Parameters[i];
            if (p.IsConstructorParameter)
            {
                arguments.Add(argument(i));
            }
            else
            {
                initializers.Add(Id(p.Name) + " = " + argument(i));
            }
        }

        var text = "new " + t + "(" + string.Join(", ", arguments) + ")";
        return initializers.Count == 0 ? text : text + " { " + string.Join(", ", initializers) + " }";
    }

    private static void EmitProperties(SourceWriter w, TypeShape shape, ObjectShape obj, string name, ContextHelpers helpers)
    {
        var t = shape.Fqn;
        w.Line();
        w.Line("private static " + Metadata + "JsonPropertyInfo[] Properties_" + name + "(" + Json + "JsonSerializerOptions options)");
        w.Open();
        if (obj.Members.Count == 0)
        {
            w.Line("return global::System.Array.Empty<" + Metadata + "JsonPropertyInfo>();");
        }
        else
        {
            if (!shape.IsValueType)
            {
                w.Line("var p = new " + helpers.Use("Members") + "<" + t + ">(options);");
            }

            w.Line("return new[]");
            w.Open();
            foreach (var m in obj.Members)
            {
                w.Line(PropertyExpression(t, shape.IsValueType, m, name, helpers) + ",");
            }

            w.Close(";");
        }

        w.Close();
        foreach (var m in obj.Members)
        {
            if (m.ThroughUnsafeAccessor)
            {
                EmitUnsafeAccessors(w, m, name);
            }
        }
    }

    /// <summary>The expression reading member <paramref name="m"/> of <paramref name="target"/> (a <see cref="MemberShape.DeclaringTypeFqn"/> value).</summary>
    public static string Read(MemberShape m, string ownerName, string target)
        => !m.ThroughUnsafeAccessor ? target + "." + Id(m.ClrName)
            : m.Kind == MemberKind.Field ? "Field_" + ownerName + "_" + m.ClrName + "(" + target + ")"
            : "Get_" + ownerName + "_" + m.ClrName + "(" + target + ")";

    private static void EmitUnsafeAccessors(SourceWriter w, MemberShape m, string ownerName)
    {
        const string Accessor = "global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.";
        w.Line();
        w.Line("// " + m.ClrName + " is [Obsolete(error: true)]: reached by name at run time, as reflection reaches it, since naming it here is CS0619.");
        if (m.Kind == MemberKind.Field)
        {
            w.Line("[" + Accessor + "Field, Name = " + Literal(m.ClrName) + ")]");
            w.Line("private static extern ref " + m.TypeFqn + " Field_" + ownerName + "_" + m.ClrName + "(" + m.DeclaringTypeFqn + " target);");
            return;
        }

        if (m.HasGetter)
        {
            w.Line("[" + Accessor + "Method, Name = " + Literal("get_" + m.ClrName) + ")]");
            w.Line("private static extern " + m.TypeFqn + " Get_" + ownerName + "_" + m.ClrName + "(" + m.DeclaringTypeFqn + " target);");
        }

        if (m.Setter != SetterKind.None)
        {
            w.Line("[" + Accessor + "Method, Name = " + Literal("set_" + m.ClrName) + ")]");
            w.Line("private static extern void Set_" + ownerName + "_" + m.ClrName + "(" + m.DeclaringTypeFqn + " target, " + m.TypeFqn + " value);");
        }
    }

    private static string PropertyExpression(string owner, bool ownerIsValueType, MemberShape m, string ownerName, ContextHelpers helpers)
    {
        if (!ownerIsValueType)
        {
            return TypedPropertyExpression(owner, m, ownerName, helpers);
        }

        var member = Id(m.ClrName);
        var getter = m.HasGetter && m.Ignore != IgnoreCondition.Always
            ? "static o => " + (m.ThroughUnsafeAccessor ? Read(m, ownerName, "(" + m.DeclaringTypeFqn + ")o") : "((" + owner + ")o)." + member) + "!"
            : UnreachableGetter(m, helpers) ?? "null";
        var target = ownerIsValueType ? "global::System.Runtime.CompilerServices.Unsafe.Unbox<" + owner + ">(o)" : "((" + owner + ")o)";
        var assign = !m.ThroughUnsafeAccessor ? target + "." + member + " = v!"
            : m.Kind == MemberKind.Field ? Read(m, ownerName, "(" + m.DeclaringTypeFqn + ")o") + " = v!"
            : "Set_" + ownerName + "_" + m.ClrName + "((" + m.DeclaringTypeFqn + ")o, v!)";
        var setter = m.Ignore == IgnoreCondition.Always ? "null" : m.Setter switch
        {
            SetterKind.Setter => "static (o, v) => " + assign,
            SetterKind.Init => helpers.Use("InitOnly") + "<" + m.TypeFqn + ">(" + Literal(m.ClrName) + ")",
            _ => UnreachableSetter(m, helpers) ?? "null",
        };

        var text = helpers.Use("Property") + "<" + m.TypeFqn + ">(options, typeof(" + m.DeclaringTypeFqn + "), " + Literal(m.ClrName) + ", " + getter + ", " + setter;
        return text + Options(m, helpers) + ")";
    }

    /// <summary>A member of a class, through the typed helper: no casts in the accessors.</summary>
    private static string TypedPropertyExpression(string owner, MemberShape m, string ownerName, ContextHelpers helpers)
    {
        var written = m.Ignore != IgnoreCondition.Always;
        var getter = m.HasGetter && written ? "static o => " + Read(m, ownerName, "o") + "!" : (written ? UnreachableGetter(m, helpers) : null) ?? "null";
        var setter = written && m.Setter == SetterKind.Setter
            ? "static (o, v) => " + (m.ThroughUnsafeAccessor && m.Kind == MemberKind.Property ? "Set_" + ownerName + "_" + m.ClrName + "(o, v!)" : Read(m, ownerName, "o") + " = v!")
            : (written && m.Setter == SetterKind.None ? UnreachableSetter(m, helpers) : null) ?? "null";
        var text = "p.Member<" + m.TypeFqn + ">(" + Literal(m.ClrName) + ", " + getter + ", " + setter;
        if (m.DeclaringTypeFqn != owner)
        {
            text += ", declaringType: typeof(" + m.DeclaringTypeFqn + ")";
        }

        if (written && m.Setter == SetterKind.Init)
        {
            text += ", initOnly: true";
        }

        return text + Options(m, helpers) + ")";
    }

    /// <summary>For a [JsonInclude] getter generated code cannot call: one that throws, as System.Text.Json's generator emits.</summary>
    private static string? UnreachableGetter(MemberShape m, ContextHelpers helpers)
        => m.UnreachableIncludeGetter ? "static o => throw " + InaccessibleInclude(m, "getter", helpers) : null;

    /// <summary>For a [JsonInclude] setter generated code cannot call: one that throws when the JSON has the member.</summary>
    private static string? UnreachableSetter(MemberShape m, ContextHelpers helpers)
        => m.UnreachableIncludeSetter ? "static (o, v) => throw " + InaccessibleInclude(m, "setter", helpers) : null;

    // Named by its declaring type (an inherited member is the base type's), without the global:: prefix.
    private static string InaccessibleInclude(MemberShape m, string accessor, ContextHelpers helpers)
        => helpers.Use("InaccessibleInclude") + "(" + Literal(m.DeclaringTypeFqn.Replace("global::", string.Empty) + "." + m.ClrName) + ", " + Literal(accessor) + ")";

    /// <summary>The named arguments for everything that differs from a plain member.</summary>
    private static string Options(MemberShape m, ContextHelpers helpers)
    {
        var text = string.Empty;
        if (m.JsonPropertyName is { } jsonName)
        {
            text += ", jsonName: " + Literal(jsonName);
        }

        if (m.Kind == MemberKind.Field)
        {
            text += ", field: true";
        }

        if (m.IsVirtual)
        {
            text += ", isVirtual: true";
        }

        if (m.HasJsonInclude)
        {
            text += ", include: true";
        }

        if (m.IsExtensionData)
        {
            text += ", extensionData: true";
        }

        if (m.IsRequired)
        {
            text += ", required: true";
        }

        if (m.Ignore is { } ignore)
        {
            text += ", ignore: " + EnumValue(Serialization + "JsonIgnoreCondition", ignore);
        }

        if (m.NumberHandling is { } numberHandling)
        {
            text += ", numberHandling: " + NumberHandlingValue(numberHandling);
        }

        if (m.ObjectCreationHandling is { } creation)
        {
            text += ", creation: " + EnumValue(Serialization + "JsonObjectCreationHandling", creation);
        }

        if (m.Order != 0)
        {
            text += ", order: " + m.Order.ToString(CultureInfo.InvariantCulture);
        }

        if (m.Converter is { } converter)
        {
            text += ", converter: " + (m.ConverterUnderlyingFqn is { } underlying
                ? helpers.Use("NullableMemberConverter") + "<" + underlying + ">(" + converter + ", options)"
                : helpers.Use("MemberConverter") + "<" + m.TypeFqn + ">(" + converter + ", options)");
            helpers.Use("ExpandConverter");
        }

        return text;
    }

    private static void EmitParameters(SourceWriter w, ObjectShape obj, string name, ContextHelpers helpers)
    {
        w.Line();
        w.Line("private static " + Metadata + "JsonParameterInfoValues[] Parameters_" + name + "() => new[]");
        w.Open();
        for (var i = 0; i < obj.Parameters.Count; i++)
        {
            var p = obj.Parameters[i];
            var defaultValue = p.DefaultValue is { } value ? ", hasDefaultValue: true, defaultValue: " + value : string.Empty;
            w.Line(helpers.Use("Parameter") + "(" + Literal(p.Name) + ", typeof(" + p.TypeFqn + "), " + i.ToString(CultureInfo.InvariantCulture) + defaultValue + "),");
        }

        w.Close(";");
    }

    /// <summary>A System.Text.Json enum value by name when the generator knows it, else by number (values newer than .NET 8, such as JsonIgnoreCondition.WhenWriting).</summary>
    private static string EnumValue<TEnum>(string type, TEnum value)
        where TEnum : struct, System.Enum
        => System.Enum.IsDefined(typeof(TEnum), value) ? type + "." + value : "(" + type + ")" + System.Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string NumberHandlingValue(NumberHandling value)
        => "(" + Serialization + "JsonNumberHandling)" + ((int)value).ToString(CultureInfo.InvariantCulture);
}
