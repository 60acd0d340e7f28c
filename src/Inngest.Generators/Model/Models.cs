namespace Inngest.Generators.Model;

// The pipeline's models: strings, bools, ints, enums and EquatableArray only, so they compare by
// value and hold no ISymbol, SyntaxNode, Location or Compilation.

/// <summary>Everything the emitter needs for one [InngestEvent] type.</summary>
internal sealed record EventModel(
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string TypeName,
    string Keyword,
    string TypeFqn,
    string EventName,
    string? Version,
    string MethodName,
    bool IsPublic,
    string HintName,
    EquatableArray<TypeShape> Shapes);

/// <summary>A type that contains the event type, outermost first.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>What the JSON metadata of one type looks like.</summary>
internal enum ShapeKind
{
    Unsupported,
    Value,
    Enum,
    Nullable,
    Array,
    List,
    IList,
    IReadOnlyList,
    ICollection,
    IEnumerable,
    HashSet,
    ImmutableArray,
    Dictionary,
    IDictionary,
    IReadOnlyDictionary,
    Object,
}

/// <summary>One type in the payload graph that gets generated metadata.</summary>
/// <param name="Fqn">The global::-qualified type name, without nullable reference annotations.</param>
/// <param name="DisplayName">A short identifier-safe name, the base of the context property name.</param>
/// <param name="Kind">The metadata kind.</param>
/// <param name="IsValueType">True for structs and enums.</param>
/// <param name="ValueConverter">For <see cref="ShapeKind.Value"/>: the JsonMetadataServices converter property; for
/// <see cref="ShapeKind.Enum"/>: the C# type its number is written as on the fast path (int, uint, long or ulong).</param>
/// <param name="ElementFqn">The element type (collections), value type (dictionaries) or underlying type (Nullable).</param>
/// <param name="CustomConverter">A [JsonConverter] on the type: an expression creating the converter.</param>
/// <param name="Object">The object description, for <see cref="ShapeKind.Object"/>.</param>
internal sealed record TypeShape(
    string Fqn,
    string DisplayName,
    ShapeKind Kind,
    bool IsValueType,
    string? ValueConverter,
    string? ElementFqn,
    string? CustomConverter,
    ObjectShape? Object);

/// <summary>How the deserializer creates an object.</summary>
internal enum CreationKind
{
    None,
    Parameterless,
    Parameterized,
}

/// <summary>An object type's members, constructor and fast-path eligibility.</summary>
internal sealed record ObjectShape(
    EquatableArray<MemberShape> Members,
    CreationKind Creation,
    EquatableArray<ParameterShape> Parameters,
    int ConstructorParameterCount,
    int? NumberHandling,
    bool FastPath);

/// <summary>A constructor parameter, or a required/init member set in the object initializer.</summary>
internal sealed record ParameterShape(string Name, string TypeFqn, bool HasDefaultValue, string? DefaultValue);

/// <summary>How the fast path writes a member.</summary>
internal enum FastWriteKind
{
    Serialize,
    Boolean,
    Number,
    NumberAsInt,
    NumberAsUInt,
    String,
}

/// <summary>What a member's setter is.</summary>
internal enum SetterKind
{
    None,
    Setter,
    Init,
}

/// <summary>One serialized property or field.</summary>
internal sealed record MemberShape(
    string ClrName,
    string? JsonPropertyName,
    string WireName,
    string TypeFqn,
    string DeclaringTypeFqn,
    bool IsProperty,
    bool IsPublic,
    bool IsVirtual,
    bool HasGetter,
    SetterKind Setter,
    bool IsRequired,
    int? IgnoreCondition,
    bool HasJsonInclude,
    bool IsExtensionData,
    int? NumberHandling,
    string? Converter,
    string? ConverterUnderlyingFqn,
    int Order,
    bool TypeIsValueType,
    bool TypeIsNullableValueType,
    bool TypeHasMetadata,
    FastWriteKind FastWrite);
