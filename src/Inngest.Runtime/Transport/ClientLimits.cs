namespace Inngest;

/// <summary>How a client splits and bounds its requests (from <see cref="InngestClientOptions"/>).</summary>
internal readonly record struct ClientLimits(int MaxEventsPerRequest, int MaxRequestBytes, int MaxEventBytes);
