using Microsoft.CodeAnalysis;

namespace Inngest.Generators.Parsing;

/// <summary>The expressions that create the converters [JsonConverter] names.</summary>
internal static class ConverterExpressions
{
    /// <summary>
    /// Creates <paramref name="converter"/> for values of <paramref name="target"/>. The non-generic
    /// JsonStringEnumConverter needs run-time code generation (IL3050 under Native AOT), so on an enum it
    /// becomes JsonStringEnumConverter&lt;TEnum&gt;, which writes the same; INNG015 asks the user to name
    /// the generic one in the attribute too, because the attribute alone roots the non-generic constructor.
    /// </summary>
    public static string Expression(INamedTypeSymbol converter, ITypeSymbol target)
    {
        if (TypeNames.MetadataName(converter) == JsonAttributes.StringEnumConverter && target.TypeKind == TypeKind.Enum)
        {
            return "new global::System.Text.Json.Serialization.JsonStringEnumConverter<" + TypeNames.Fqn(target) + ">()";
        }

        return "new " + TypeNames.Fqn(converter) + "()";
    }
}
