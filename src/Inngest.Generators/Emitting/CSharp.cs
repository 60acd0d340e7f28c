using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators.Emitting;

/// <summary>Spelling values as C# source.</summary>
internal static class CSharp
{
    /// <summary>A member or type name as a C# identifier (keywords get '@').</summary>
    public static string Id(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string XmlText(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A type name for XML doc text: without global:: prefixes.</summary>
    public static string DocName(string fqn) => XmlText(fqn.Replace("global::", string.Empty));
}
