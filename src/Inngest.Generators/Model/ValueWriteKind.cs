namespace Inngest.Generators.Model;

/// <summary>The Utf8JsonWriter call the fast path makes for a value: the calls System.Text.Json's built-in converters make.</summary>
internal enum ValueWriteKind
{
    Boolean,
    Number,
    String,

    /// <summary>A decimal: written as a number through the context's own formatting (WriteDecimal), with the writer's digits.</summary>
    Decimal,

    /// <summary>Calls the value type's own fast path.</summary>
    FastPath,
}
