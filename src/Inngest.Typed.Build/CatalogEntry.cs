namespace Inngest.Typed.Build;

/// <summary>One event of the compiled assembly, as its generated constants describe it.</summary>
internal sealed record CatalogEntry(string Name, string? Version, string ClrType, string TypeName, string? IdTemplate, string Schema);
