namespace Inngest.Generators.Model;

/// <summary>System.Text.Json's JsonNumberHandling flags, as the attribute gives them.</summary>
[System.Flags]
internal enum NumberHandling
{
    Strict = 0,
    AllowReadingFromString = 1,
    WriteAsString = 2,
    AllowNamedFloatingPointLiterals = 4,
}
