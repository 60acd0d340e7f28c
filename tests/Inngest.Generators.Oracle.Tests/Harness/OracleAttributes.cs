using System;

namespace Inngest.Generators.Oracle.Tests;

/// <summary>What a case expects of one JSON input (a sanity check on the case itself, not on the generator).</summary>
public enum OracleExpectation
{
    /// <summary>Whatever System.Text.Json's generator does, ours must do the same.</summary>
    Same,

    /// <summary>The oracle reads the input; ours must read the same value.</summary>
    Reads,

    /// <summary>The oracle throws for the input; ours must throw the same exception type.</summary>
    Throws,
}

/// <summary>
/// Put on a case's event type: a JSON input that both generators must treat alike, read to equal values
/// or rejected with the same exception type. <see cref="Expect"/> checks that the oracle does what the
/// case says, so a case cannot silently stop testing what it was written for.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true)]
public sealed class OracleInputAttribute(string json) : Attribute
{
    /// <summary>The JSON text of the event's <c>data</c>.</summary>
    public string Json { get; } = json;

    /// <summary>What the oracle is expected to do with <see cref="Json"/>.</summary>
    public OracleExpectation Expect { get; init; }
}

/// <summary>
/// Marks a type that a case stores in an <c>object</c> member (or polymorphic slot) at run time: the
/// oracle context gets a <c>[JsonSerializable]</c> entry for it, and the value builder may pick it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum)]
public sealed class OracleRuntimeTypeAttribute : Attribute
{
}
