namespace Inngest.Generators.Model;

/// <summary>One serialized property or field of an object type.</summary>
internal sealed record MemberShape
{
    /// <summary>The C# member name.</summary>
    public required string ClrName { get; init; }

    /// <summary>A [JsonPropertyName], or null (the naming policy applies).</summary>
    public string? JsonPropertyName { get; init; }

    /// <summary>The name the fast path writes: the [JsonPropertyName] or the camelCase name.</summary>
    public required string WireName { get; init; }

    public required string TypeFqn { get; init; }

    public required string DeclaringTypeFqn { get; init; }

    public required MemberKind Kind { get; init; }

    public required bool IsVirtual { get; init; }

    /// <summary>False for a [JsonInclude] member whose getter the generated code cannot call (never written).</summary>
    public required bool HasGetter { get; init; }

    public required SetterKind Setter { get; init; }

    /// <summary>A [JsonInclude] getter generated code cannot call: the metadata's getter throws (System.Text.Json's generator does the same).</summary>
    public required bool UnreachableIncludeGetter { get; init; }

    /// <summary>A [JsonInclude] setter generated code cannot call: the metadata's setter throws.</summary>
    public required bool UnreachableIncludeSetter { get; init; }

    /// <summary>[JsonRequired], or a C# <c>required</c> member not set by a [SetsRequiredMembers] constructor.</summary>
    public required bool IsRequired { get; init; }

    public IgnoreCondition? Ignore { get; init; }

    public required bool HasJsonInclude { get; init; }

    public required bool IsExtensionData { get; init; }

    public NumberHandling? NumberHandling { get; init; }

    public ObjectCreationHandling? ObjectCreationHandling { get; init; }

    /// <summary>A member [JsonConverter]: the expression creating it.</summary>
    public string? Converter { get; init; }

    /// <summary>For a converter on a Nullable&lt;T&gt; member: T (the converter may convert T or T?).</summary>
    public string? ConverterUnderlyingFqn { get; init; }

    public required int Order { get; init; }

    public required bool TypeIsValueType { get; init; }

    public required bool TypeIsNullableValueType { get; init; }

    /// <summary>
    /// Whether the member may be null, then its element (or dictionary value), its element's element, ...: one
    /// <c>'1'</c> (nullable: annotated, oblivious or Nullable&lt;T&gt;) or <c>'0'</c> per level, for the JSON schema.
    /// </summary>
    public string Nullability { get; init; } = "1";

    /// <summary>True when generated code must reach the member through [UnsafeAccessor] ([Obsolete(error: true)]: naming it is CS0619).</summary>
    public required bool ThroughUnsafeAccessor { get; init; }

    /// <summary>How the fast path writes it (planned by the parser); null: through JsonSerializer with its metadata.</summary>
    public ValueWrite? Write { get; init; }

    /// <summary>How the type's generated reader reads the member; null when the type has no reader.</summary>
    public MemberRead? Read { get; init; }

    /// <summary>False for members the fast path leaves out: ignored, fields without [JsonInclude] (off by default), no getter.</summary>
    public required bool OnFastPath { get; init; }
}
