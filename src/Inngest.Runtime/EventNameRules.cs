// This file is compiled into both Inngest.Runtime and Inngest.Generators (netstandard2.0): the rules the
// client enforces before sending are the same ones the analyzer reports at compile time.
namespace Inngest.Internal;

/// <summary>The event-name rules the Inngest server enforces, as pure functions.</summary>
internal static class EventNameRules
{
    /// <summary>The longest event name Inngest accepts, in characters.</summary>
    public const int MaxLength = 256;

    /// <summary>The prefix Inngest reserves for its own events, compared case-insensitively.</summary>
    public const string ReservedPrefix = "inngest/";

    /// <summary>Which server rule a name breaks.</summary>
    public enum Violation
    {
        /// <summary>The name breaks no server rule.</summary>
        None,

        /// <summary>The name is null, empty or only whitespace.</summary>
        Empty,

        /// <summary>The name starts with <see cref="ReservedPrefix"/> in any case.</summary>
        Reserved,

        /// <summary>The name is longer than <see cref="MaxLength"/> characters.</summary>
        TooLong,
    }

    /// <summary>Returns the first server rule <paramref name="name"/> breaks.</summary>
    public static Violation Check(string? name)
    {
        if (name is null || name.Trim().Length == 0)
        {
            return Violation.Empty;
        }

        if (name.StartsWith(ReservedPrefix, System.StringComparison.OrdinalIgnoreCase))
        {
            return Violation.Reserved;
        }

        return name.Length > MaxLength ? Violation.TooLong : Violation.None;
    }

    /// <summary>A sentence that says what is wrong with <paramref name="name"/> and how to fix it.</summary>
    public static string Describe(Violation violation, string? name) => violation switch
    {
        Violation.Empty => "The event name is empty. Give the event a name such as \"app/account.created\".",
        Violation.Reserved => "The event name \"" + name + "\" starts with \"inngest/\", which Inngest reserves for its own events: Inngest sends them to functions, nobody else may send them. Use a prefix of your own, such as \"app/\"; to receive Inngest's event, declare its record with ReceiveOnly = true and parse it with InngestEvent.Parse.",
        Violation.TooLong => "The event name is " + (name?.Length ?? 0) + " characters long; Inngest accepts at most " + MaxLength + ". Shorten it.",
        _ => string.Empty,
    };
}
