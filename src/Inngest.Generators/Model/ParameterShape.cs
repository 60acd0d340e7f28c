namespace Inngest.Generators.Model;

/// <summary>A constructor parameter, or a required/init member set in the creator's object initializer.</summary>
internal sealed record ParameterShape
{
    public required string Name { get; init; }

    public required string TypeFqn { get; init; }

    /// <summary>A C# literal of the parameter's default value, or null when it has none.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>False for required/init members: they are set in the object initializer, not passed to the constructor.</summary>
    public required bool IsConstructorParameter { get; init; }
}
