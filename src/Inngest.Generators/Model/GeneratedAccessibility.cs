namespace Inngest.Generators.Model;

/// <summary>The access modifier of generated members that expose a user type.</summary>
internal enum GeneratedAccessibility
{
    /// <summary>The type and all its containing types are public.</summary>
    Public,

    /// <summary>Anything less: the generated members are internal (never private by omission).</summary>
    Internal,
}
