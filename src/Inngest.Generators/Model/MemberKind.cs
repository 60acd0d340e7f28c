namespace Inngest.Generators.Model;

/// <summary>Property or field (System.Text.Json includes public fields only with IncludeFields or [JsonInclude]).</summary>
internal enum MemberKind
{
    Property,
    Field,
}
