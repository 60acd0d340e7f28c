namespace Inngest;

// The receiving side of an event: set only by the parse methods.
public abstract partial class InngestEvent
{
    /// <summary>
    /// The <c>v</c> the event arrived with, for an event made by a parse method; <see langword="null"/> when it had
    /// none or was created locally. It differs from <see cref="Version"/> (the version of the payload the event holds
    /// now) when the payload was upgraded from an earlier version.
    /// </summary>
    public string? ReceivedVersion { get; internal init; }

    /// <summary>True when the payload was read with an earlier version's record and upgraded (see <see cref="IInngestEventUpgrade{TSelf, TPrevious}"/>).</summary>
    public bool IsUpgraded { get; internal init; }
}
