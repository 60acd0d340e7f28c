namespace Inngest.Generators.CodeFixes;

/// <summary>Placeholder until the code fixes land.</summary>
internal static class Placeholder
{
}
