namespace Inngest.Generators.Model;

/// <summary>Where a generated reader puts an object member's value (planned once, by the parser).</summary>
internal enum MemberReadKind
{
    /// <summary>Into the creator's argument (a constructor parameter or an init member of its initializer).</summary>
    Argument,

    /// <summary>Assigned on the object the parameterless constructor made, as the member comes.</summary>
    Assignment,

    /// <summary>Known but not settable: its value is skipped, as System.Text.Json skips it.</summary>
    Skip,
}
