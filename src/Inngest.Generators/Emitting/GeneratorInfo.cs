using System.Reflection;

namespace Inngest.Generators.Emitting;

/// <summary>The generator's name and version as [GeneratedCode] states them, read from this assembly.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Inngest.Generators";

    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? typeof(GeneratorInfo).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The attributes every generated helper type carries.</summary>
    public static string HelperAttributes { get; } =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Name + "\", \"" + Version + "\")]\n"
        + "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
}
