namespace Inngest.Generators.Model;

/// <summary>What the generated code can assign a member with.</summary>
internal enum SetterKind
{
    None,
    Setter,

    /// <summary>Init-only: set in the creator's object initializer.</summary>
    Init,
}
