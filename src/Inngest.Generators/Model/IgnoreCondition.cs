namespace Inngest.Generators.Model;

/// <summary>A member's [JsonIgnore] condition, named as System.Text.Json's JsonIgnoreCondition.</summary>
internal enum IgnoreCondition
{
    Never,
    Always,
    WhenWritingDefault,
    WhenWritingNull,
}
