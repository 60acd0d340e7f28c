using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Rules;

/// <summary>Whether a value of a type may be null, as the JSON schema and the id templates read the nullable annotations.</summary>
internal static class NullabilityRules
{
    /// <summary>A Nullable&lt;T&gt;, or a reference type not annotated as non-null (annotated or oblivious).</summary>
    public static bool MayBeNull(ITypeSymbol type)
        => type.IsValueType
            ? type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            : type.NullableAnnotation != NullableAnnotation.NotAnnotated;
}
