namespace Inngest.Generators;

/// <summary>Placeholder until the generator lands.</summary>
internal static class Placeholder
{
}
