namespace Inngest;

/// <summary>How a received <c>v</c> is compared with a record's Version: ordinal, and an empty one is none.</summary>
internal static class VersionRules
{
    public static bool Same(string? received, string? declared)
        => string.Equals(string.IsNullOrEmpty(received) ? null : received, string.IsNullOrEmpty(declared) ? null : declared, System.StringComparison.Ordinal);
}
