using Inngest.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>One member of a payload type that System.Text.Json sees (serialized, ignored, or read-only).</summary>
internal sealed class PayloadMember
{
    public PayloadMember(ISymbol symbol, ITypeSymbol type, bool canGet, SetterKind setter, IgnoreCondition? ignore)
    {
        Symbol = symbol;
        Type = type;
        CanGet = canGet;
        Setter = setter;
        Ignore = ignore;
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }

    /// <summary>True when generated code can call the getter.</summary>
    public bool CanGet { get; }

    /// <summary>What generated code can assign the member with.</summary>
    public SetterKind Setter { get; }

    public IgnoreCondition? Ignore { get; }

    public bool IsField => Symbol is IFieldSymbol;

    /// <summary>
    /// A [JsonInclude] getter (or field) generated code cannot call: the member stays in the metadata with a getter
    /// that throws InvalidOperationException, as System.Text.Json's generator's metadata does (INNG014).
    /// </summary>
    public bool UnreachableIncludeGetter { get; init; }

    /// <summary>A [JsonInclude] setter (or writable field) generated code cannot call: setting it throws, as above.</summary>
    public bool UnreachableIncludeSetter { get; init; }

    /// <summary>True for an [Obsolete(error: true)] member: generated code reaches it through [UnsafeAccessor], never by name.</summary>
    public bool ThroughUnsafeAccessor { get; set; }

    /// <summary>[JsonIgnore] (Always): kept so a constructor parameter can still bind to it, never read or written.</summary>
    public bool IsIgnored => Ignore == IgnoreCondition.Always;
}
