using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Generators.Emitting;

/// <summary>Spelling values as C# source.</summary>
internal static class CSharp
{
    /// <summary>A member or type name as a C# identifier (keywords get '@').</summary>
    public static string Id(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// A one-line raw string literal when the text allows one (JSON never has three quotes in a row), which keeps
    /// JSON readable and short in generated source; an escaped literal otherwise.
    /// </summary>
    public static string RawLiteral(string value)
        => value.Length > 0 && value[0] != '"' && value[value.Length - 1] != '"' && value.IndexOf("\"\"\"", System.StringComparison.Ordinal) < 0
            && value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0
            ? "\"\"\"" + value + "\"\"\""
            : Literal(value);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string XmlText(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A type name for XML doc text: without global:: prefixes.</summary>
    public static string DocName(string fqn) => XmlText(fqn.Replace("global::", string.Empty));
}
