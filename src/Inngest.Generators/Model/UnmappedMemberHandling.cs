namespace Inngest.Generators.Model;

/// <summary>System.Text.Json's JsonUnmappedMemberHandling.</summary>
internal enum UnmappedMemberHandling
{
    Skip,
    Disallow,
}
