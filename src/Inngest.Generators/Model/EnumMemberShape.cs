namespace Inngest.Generators.Model;

/// <summary>One named value of an enum, as the JSON schema describes it.</summary>
internal sealed record EnumMemberShape
{
    /// <summary>The name a string enum converter writes: [JsonStringEnumMemberName], else the C# name.</summary>
    public required string StringName { get; init; }

    /// <summary>The underlying value, invariant digits (what the number converter writes).</summary>
    public required string Number { get; init; }
}
