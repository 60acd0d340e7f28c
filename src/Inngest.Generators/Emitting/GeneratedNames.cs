using System.Globalization;
using System.Text;

namespace Inngest.Generators.Emitting;

/// <summary>
/// Names of generated types, derived from the assembly name so that no two assemblies (even ones
/// that see each other's internals) declare the same type: the sanitized name plus an FNV-1a hash
/// of the exact name, which keeps names such as "A.B" and "A_B" apart.
/// </summary>
internal static class GeneratedNames
{
    public const string ContextNamespace = "Inngest.Generated";

    /// <summary>The assembly-unique suffix, e.g. <c>MyApp_Events_1a2b3c4d</c>.</summary>
    public static string AssemblyId(string? assemblyName)
    {
        var name = assemblyName ?? string.Empty;
        var builder = new StringBuilder(name.Length + 9);
        foreach (var c in name)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
        }

        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return builder.Append('_').Append(hash.ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>The JSON context class: internal, in <see cref="ContextNamespace"/>.</summary>
    public static string ContextClass(string? assemblyName) => "InngestJsonContext_" + AssemblyId(assemblyName);

    public static string ContextFqn(string? assemblyName) => "global::" + ContextNamespace + "." + ContextClass(assemblyName);

    /// <summary>The class whose module initializer registers the assembly's event types for receiving.</summary>
    public static string RegistrationClass(string? assemblyName) => "InngestEventRegistration_" + AssemblyId(assemblyName);

    /// <summary>The static class holding the send extensions, in each event's namespace.</summary>
    public static string ExtensionsClass(string? assemblyName) => "InngestSendExtensions_" + AssemblyId(assemblyName);
}
