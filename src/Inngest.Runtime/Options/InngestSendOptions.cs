namespace Inngest;

/// <summary>Settings for one send call.</summary>
public sealed class InngestSendOptions
{
    /// <summary>
    /// The branch environment for this call, sent as <c>x-inngest-env</c>; overrides
    /// <see cref="InngestClientOptions.Env"/> and the environment variables.
    /// </summary>
    public string? Env { get; init; }
}
